import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { mustRunEverything } from './postgres.ts';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** false when Chromium is here; otherwise why the browser suites skip (CI fails instead). */
export function browserSkipReason(): string | false {
  if (existsSync(executablePath)) return false;
  if (mustRunEverything) throw new Error(`Chromium not found at ${executablePath} but CI requires the browser suites`);
  return `Chromium not found at ${executablePath} (apt-get install chromium): browser suites skipped`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    // The machines have no internet: background networking only produces refused connections.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
