import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axe } from './axe.ts';
import { TEST_CAPTCHA } from './server.ts';

export { axe };

/** Signs in through the real /login form in this language; lands on /account. */
export async function signInPage(page: Page, issuer: string, lang: 'zh-TW' | 'en', username: string, password: string) {
  await page.goto(`${issuer}/login?lang=${lang}`);
  await page.locator('input[name="account"]').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#captcha').fill(TEST_CAPTCHA);
  await page.locator('button.primary[value="login"]').click();
  await page.waitForURL(/\/account$/);
}

/** Sideways scrolling at the page's width (0 when the page holds at, say, 360 px). */
export const overflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;

/** Presses Tab until the focused element matches, as a keyboard user would reach it; fails if it never comes. */
export async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
  }
  assert.fail(`${selector} is not reachable with Tab`);
}
