import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../src/security/password.ts';
import { browserSkipReason, launchBrowser } from './support/browser.ts';
import { startCountyIdp, type CountyIdp } from './support/county-idp.ts';
import { freePort, startServer, TEST_CAPTCHA, type TestServer } from './support/server.ts';

describe('county account journeys in Chromium: sign in, register, forgot account, reset password', { skip: browserSkipReason() }, () => {
  let server: TestServer;
  let yunlin: CountyIdp;
  let browser: Browser;

  before(async () => {
    const port = await freePort();
    yunlin = await startCountyIdp({ redirectUri: `http://localhost:${port}/federation/callback`, withIdNumber: true });
    server = await startServer({ port });
    await server.services.countyProviders.add({
      id: 'yunlin', county: '雲林縣', issuer: yunlin.issuer, clientId: yunlin.clientId, clientSecret: yunlin.clientSecret, scopes: 'openid profile eduid', claims: { idNumber: 'id_number' },
    });
    await server.services.accounts.create({
      username: 'yl.teacher', passwordHash: await hashPassword('Old#Harbor2026'), displayName: '黃老師',
      personIdHash: server.services.pii.idHash('P123456781'), personIdSealed: server.services.pii.seal('P123456781'),
    });
    yunlin.people.set('yl-100', { name: '黃老師', idNumber: 'P123456781' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.cleanup();
    await yunlin?.stop();
  });

  /** From the county map to the county's own login page, where this person signs in. */
  async function throughCounty(page: Page, login: string) {
    await page.getByRole('link', { name: '雲林縣' }).click();
    await page.getByRole('link', { name: '教育人員登入' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('county-password');
    await page.locator('button[type="submit"]').first().click();
  }

  test('貳.2 sign in with the county account, 我知道了, then the console lists the link', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.issuer}/login`);
    await page.getByRole('link', { name: '使用縣市帳號登入' }).click();
    await throughCounty(page, 'yl-100');
    await page.getByText('您的教育雲端帳號為 yl.teacher').waitFor();
    await page.getByRole('link', { name: '我知道了' }).click();
    await page.waitForURL(/\/account$/);
    assert.ok((await page.locator('main').textContent())!.includes('雲林縣'));
  });

  test('伍.1 forgot account through the county', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.issuer}/`);
    await page.getByRole('link', { name: '忘記帳號' }).click();
    await page.getByRole('link', { name: '使用縣市帳號查詢' }).click();
    await throughCounty(page, 'yl-100');
    await page.locator('.big-account', { hasText: 'yl.teacher' }).waitFor();
    assert.ok(await page.getByRole('link', { name: '忘記密碼' }).last().isVisible());
  });

  test('陸.2 reset the password through the county; the new password signs in', async () => {
    const page = await browser.newPage();
    // 忘記密碼 → 「使用縣市帳號重設」 (陸.2) is the county map for reset-password.
    await page.goto(`${server.issuer}/county?purpose=reset-password`);
    await throughCounty(page, 'yl-100');
    assert.ok((await page.locator('table.data').textContent())!.includes('黃老師'));
    await page.getByLabel('新密碼', { exact: true }).fill('New#Meadow2026');
    await page.getByLabel('再次輸入新密碼').fill('New#Meadow2026');
    await page.getByRole('button', { name: '重設密碼' }).click();
    await page.getByText('密碼變更完成，需 24 小時後才能再次變更').waitFor();
    const login = await browser.newPage();
    await login.goto(`${server.issuer}/login`);
    await login.getByLabel('教育雲端帳號').fill('yl.teacher');
    await login.locator('#password').fill('New#Meadow2026');
    await login.getByLabel('驗證碼', { exact: true }).fill(TEST_CAPTCHA);
    await login.getByRole('button', { name: '登入', exact: true }).click();
    await login.waitForURL(/\/account$/);
  });

  test('壹 4-1 register with 我有單一身份驗證帳號', async () => {
    const r = await server.services.importer.peopleText('school_code,id_number,name,birthday,identity,titles\n094601,P223456783,簡老師,1986-06-06,教師,教師\n');
    assert.deepEqual(r.errors, []);
    yunlin.people.set('yl-200', { name: '簡老師', idNumber: 'P223456783' });
    const page = await browser.newPage();
    await page.goto(`${server.issuer}/register?new=1`);
    await page.getByLabel('老師').check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('縣市').selectOption({ label: '雲林縣' });
    await page.getByLabel('行政區').selectOption({ label: '斗六市' });
    await page.getByLabel('學制').selectOption({ label: '國小' });
    await page.getByLabel('學校', { exact: true }).selectOption({ value: '094601' });
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('link', { name: '我有單一身份驗證帳號' }).click();
    await page.locator('input[name="login"]').fill('yl-200');
    await page.locator('input[name="password"]').fill('county-password');
    await page.locator('button[type="submit"]').first().click();
    await page.getByRole('button', { name: '資料無誤，下一步' }).click();
    await page.getByRole('button', { name: '同意', exact: true }).click();
    await page.getByLabel('帳號', { exact: true }).fill('jian.teacher');
    await page.getByLabel('密碼', { exact: true }).fill('Lotus#Pond2026');
    await page.getByLabel('再次輸入密碼').fill('Lotus#Pond2026');
    await page.getByLabel('電子郵件信箱').fill('jian@example.edu.tw');
    await page.getByLabel('行動電話').fill('0913131313');
    await page.getByRole('button', { name: '資料無誤，下一步' }).click();
    const messages = (await (await page.request.get(`${server.issuer}/dev/outbox.json`)).json()) as { to: string; text: string }[];
    const code = (to: string) => /(\d{6})/.exec(messages.find((m) => m.to === to)!.text)![1]!;
    await page.getByLabel('電子郵件驗證碼').fill(code('jian@example.edu.tw'));
    await page.getByLabel('簡訊驗證碼').fill(code('0913131313'));
    await page.getByRole('button', { name: '開始驗證' }).click();
    await page.getByRole('button', { name: '完成註冊' }).click();
    await page.getByText('新建帳號成功！').waitFor();
    const linked = await server.services.db.query(`SELECT 1 FROM county_identities WHERE provider_id = 'yunlin' AND subject = 'yl-200'`);
    assert.equal(linked.length, 1);
  });
});
