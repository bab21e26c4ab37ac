import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { adminSignInPage, adminUser, type AdminUser } from './support/admin.ts';
import { browserSkipReason } from './support/browser.ts';
import { serverAndBrowser, holds } from './support/browser-suite.ts';
import { tabTo } from './support/browser-console.ts';
import { oathtoolSkipReason } from './support/oathtool.ts';
import type { TestServer } from './support/server.ts';

const T = {
  'zh-TW': {
    charts: ['各縣市帳號數長條圖：啟用、停用（未登入）、停用（管理者）', '近 24 小時每小時登入次數長條圖：成功與失敗', '近 24 小時每小時登入失敗率長條圖', '未結案客服案件依案齡長條圖'],
    type: '事件類型（開頭相符）',
    search: '查詢',
    export: '匯出 CSV（相同條件）',
    account: '帳號',
    role: '角色',
    helpdesk: '客服人員',
    grant: '授予',
    granted: (a: string) => `已授予 ${a} 客服人員。`,
    revoke: (a: string) => `撤銷 ${a} 的客服人員`,
    revoked: (a: string) => `已撤銷 ${a} 的客服人員。`,
    unknown: '查無此帳號。',
    badDate: '日期格式應為 YYYY-MM-DD。',
  },
  en: {
    charts: ['Bar chart of accounts by county: active, disabled (inactive), disabled (by an administrator)', 'Bar chart of sign-ins per hour over the last 24 hours: succeeded and failed', 'Bar chart of the sign-in failure rate per hour over the last 24 hours', 'Bar chart of open helpdesk tickets by age'],
    type: 'Event type (beginning)',
    search: 'Search',
    export: 'Export as CSV (same search)',
    account: 'Account',
    role: 'Role',
    helpdesk: 'Helpdesk agent',
    grant: 'Grant',
    granted: (a: string) => `${a} now holds Helpdesk agent.`,
    revoke: (a: string) => `Revoke Helpdesk agent of ${a}`,
    revoked: (a: string) => `Helpdesk agent of ${a} was revoked.`,
    unknown: 'There is no account with that name.',
    badDate: 'Write the date as YYYY-MM-DD.',
  },
};


describe('the overview, audit log and roles in Chromium at 360 px, zh-TW and English', { skip: browserSkipReason() || oathtoolSkipReason() }, () => {
  let server: TestServer;
  let browser: Browser;
  serverAndBrowser((s, b) => ((server = s), (browser = b)));

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`a system administrator: dashboard, audit search and export, grant and revoke a role, an error (${lang})`, async () => {
      const t = T[lang];
      const suffix = lang === 'en' ? 'en' : 'zh';
      const admin: AdminUser = await adminUser(server, `ovb.admin.${suffix}`, 'system-admin');
      const candidate = `ovb.cand.${suffix}`;
      await server.services.store.accounts.create({ username: candidate, passwordHash: 'x', displayName: '候選' });
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, bypassCSP: true, acceptDownloads: true });
      const page = await context.newPage();
      await adminSignInPage(page, server, admin, lang);

      // The dashboard: every chart is an image with its name, beside its data table.
      for (const name of t.charts) assert.equal(await page.getByRole('img', { name }).count(), 1, name);
      assert.ok((await page.locator('.table-scroll table').count()) >= 3);
      await holds(page, `dashboard ${lang}`);

      // To the audit log with the keyboard, then a search.
      await tabTo(page, 'a[href="/admin/audit"]');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/admin/audit');
      await page.getByLabel(t.type).fill('admin.');
      await tabTo(page, 'form.audit-search button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/type=admin\./);
      assert.ok((await page.locator('table.audit-table tbody tr').count()) >= 1, 'the search found the console’s own events');
      await holds(page, `audit search ${lang}`);

      const exportLink = page.getByRole('link', { name: t.export });
      assert.equal(await exportLink.getAttribute('href'), '/admin/audit.csv?type=admin.');
      const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
      const csv = readFileSync((await download.path())!);
      assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a BOM');
      const lines = csv.subarray(3).toString('utf8').split('\r\n');
      assert.equal(lines[0], 'time (Asia/Taipei),type,actor,actor_id,account,account_id,client,ip,user_agent,detail');
      assert.ok(lines.slice(1).filter(Boolean).every((l) => /^\d{4}\/\d{2}\/\d{2} [\d:]{8},admin\./.test(l)), 'only the filter’s rows');

      await page.goto(`${server.issuer}/admin/audit?from=2025-13`);
      assert.equal(await page.locator('#from-error').textContent(), t.badDate);
      await holds(page, `audit error ${lang}`);

      // Roles: grant with the keyboard, see it listed, revoke it.
      await page.goto(`${server.issuer}/admin/roles`);
      await holds(page, `roles ${lang}`);
      await page.getByLabel(t.account, { exact: true }).fill(candidate);
      await page.getByLabel(t.role, { exact: true }).selectOption('helpdesk');
      await tabTo(page, 'form[action="/admin/roles/grant"] button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForURL(/done=granted/);
      assert.equal(await page.getByRole('status').textContent(), t.granted(candidate));
      assert.deepEqual((await server.services.roleAdmin.list({ account: candidate })).map((g) => g.role), ['helpdesk']);
      await holds(page, `roles granted ${lang}`);

      await page.getByRole('button', { name: t.revoke(candidate) }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/done=revoked/);
      assert.equal(await page.getByRole('status').textContent(), t.revoked(candidate));
      assert.deepEqual(await server.services.roleAdmin.list({ account: candidate }), []);

      // An error state: an account that does not exist.
      await page.getByLabel(t.account, { exact: true }).fill('no.such.account');
      await page.getByLabel(t.role, { exact: true }).selectOption('helpdesk');
      await page.getByRole('button', { name: t.grant, exact: true }).click();
      await page.waitForLoadState();
      assert.equal(await page.locator('#account-error').textContent(), t.unknown);
      assert.equal(await page.getByLabel(t.account, { exact: true }).getAttribute('aria-invalid'), 'true');
      await holds(page, `roles error ${lang}`);
      await context.close();
    });
  }
});
