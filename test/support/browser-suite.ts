import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { axe, overflow } from './browser-console.ts';
import { startServer, type TestServer } from './server.ts';

/**
 * A server and a Chromium for the tests of one describe block: started before them, stopped after
 * them; `set` hands both to the block's variables.
 */
export function serverAndBrowser(set: (server: TestServer, browser: Browser) => void, opts?: Parameters<typeof startServer>[0]) {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startServer(opts);
    browser = await launchBrowser();
    set(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.cleanup();
  });
}

/** The page holds at a phone's width (no sideways scroll) and axe finds nothing, in this state. */
export async function holds(page: Page, label: string) {
  assert.equal(await overflow(page), 0, `${label}: no sideways scroll`);
  await axe(page, label);
}
