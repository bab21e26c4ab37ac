import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoPeopleCsv } from '../src/source-data/demo-people.ts';
import { browserSkipReason, launchBrowser } from './support/browser.ts';
import { startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';

describe('a teacher from the generated source data registers in Chromium and signs in to the demo application', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  let person: { school: string; idNumber: string; name: string; birthday: string; titles: string[] };
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const lines = [...demoPeopleCsv({ schools: ['094601'] })];
    const r = await server.services.importer.peopleText(lines.join('\n'));
    assert.deepEqual(r.errors, []);
    const [school, idNumber, name, birthday, , titles] = lines.find((l) => l.includes(',教師,'))!.split(',');
    const [y, m, d] = birthday!.split('-').map(Number);
    person = { school: school!, idNumber: idNumber!, name: name!, birthday: `${y}/${m}/${d}`, titles: titles!.split(';') };
  });
  after(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  async function codeFor(page: Page, to: string) {
    const messages = (await (await page.request.get(`${server.issuer}/dev/outbox.json`)).json()) as { to: string; text: string }[];
    return /(\d{6})/.exec(messages.find((m) => m.to === to)!.text)![1]!;
  }

  test('every step of 申請帳號, codes from the captured messages, then SSO with the new account', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.issuer}/login`);
    await page.getByRole('link', { name: '申請教育雲端帳號' }).click();

    await page.getByLabel('老師').check();
    await page.getByRole('button', { name: '下一步' }).click();

    // The cascade fills itself without reloading the page.
    await page.getByLabel('縣市').selectOption({ label: '雲林縣' });
    await page.getByLabel('行政區').selectOption({ label: '斗六市' });
    await page.getByLabel('學制').selectOption({ label: '國小' });
    await page.getByLabel('學校', { exact: true }).selectOption({ value: person.school });
    assert.equal(await page.locator('.cascade-refresh').isHidden(), true, 'no round-trip button with JavaScript');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('姓名').fill(person.name);
    await page.getByLabel('身分證字號／居留證號／其他身分 ID').fill(person.idNumber);
    await page.getByLabel('生日').fill(person.birthday);
    await page.getByLabel('驗證碼', { exact: true }).fill(TEST_CAPTCHA);
    await page.getByRole('button', { name: '下一步' }).click();

    assert.ok((await page.locator('table.data').textContent())!.includes(person.name));
    await page.getByRole('button', { name: '資料無誤，下一步' }).click();
    await page.getByRole('button', { name: '同意', exact: true }).click();

    const username = 'browser.teacher';
    await page.getByLabel('帳號', { exact: true }).fill(username);
    await page.locator('#username-status', { hasText: '這個帳號可以使用' }).waitFor();
    await page.getByLabel('密碼', { exact: true }).fill('Maple#Leaf2026');
    await page.getByLabel('再次輸入密碼').fill('Maple#Leaf2026');
    await page.getByLabel('電子郵件信箱').fill('browser.teacher@example.edu.tw');
    await page.getByLabel('行動電話').fill('0988123456');
    await page.getByRole('button', { name: '資料無誤，下一步' }).click();

    await page.getByLabel('電子郵件驗證碼').fill(await codeFor(page, 'browser.teacher@example.edu.tw'));
    await page.getByLabel('簡訊驗證碼').fill(await codeFor(page, '0988123456'));
    await page.getByRole('button', { name: '開始驗證' }).click();
    await page.getByRole('button', { name: '完成註冊' }).click();
    await page.getByText('新建帳號成功！').waitFor();

    await page.goto(`${server.issuer}/demo`);
    await page.getByRole('link', { name: '登入' }).last().click();
    await page.getByLabel('教育雲端帳號').fill(username);
    await page.locator('#password').fill('Maple#Leaf2026');
    await page.getByLabel('驗證碼', { exact: true }).fill(TEST_CAPTCHA);
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.getByRole('button', { name: '同意授權' }).click();
    await page.waitForURL(/\/demo\/callback/);
    const eduinfo = JSON.parse((await page.locator('#eduinfo').textContent())!);
    assert.equal(eduinfo.schoolid, person.school);
    assert.deepEqual(eduinfo.titles[0].titles, person.titles);
    assert.equal(eduinfo.titles[0].titles[0], '教師');
  });
});
