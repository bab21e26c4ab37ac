import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

const axeScript = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;

/**
 * axe-core inside the page with the WCAG 2.0 and 2.1 A and AA rules: each violation as
 * "path: rule: help (targets)". The script is injected as a tag, so the page's context needs
 * `bypassCSP: true` (the site's strict CSP refuses it otherwise; the CSP has tests of its own).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeScript });
  const found = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
       .then((r) => r.violations.map((v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')'))`,
  )) as string[];
  return found.map((v) => `${new URL(page.url()).pathname}: ${v}`);
}

/** No WCAG 2.1 A/AA violation on this page (axe-core inside it). */
export async function axe(page: Page, label: string) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${label} (${page.url()})`);
}
