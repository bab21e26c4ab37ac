import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSafeUrl, safeUrl } from './safe-url.ts';

test('http(s) URLs and paths on this site are links', () => {
  for (const ok of ['https://app.example.edu.tw/', 'http://localhost:3000/cb?x=1', '/county/tp/icon', '/apps']) assert.equal(isSafeUrl(ok), true, ok);
});

test('script and other schemes, protocol-relative and malformed values are refused', () => {
  for (const bad of [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/',
    '//evil.example/',
    '/\\evil.example/',
    'https://',
    'not a url',
    '',
    null,
    undefined,
  ])
    assert.equal(isSafeUrl(bad), false, String(bad));
});

test('safeUrl gives the fallback for a refused link', () => {
  assert.equal(safeUrl('javascript:alert(1)', '#'), '#');
  assert.equal(safeUrl('javascript:alert(1)'), undefined);
  assert.equal(safeUrl('https://a.example/'), 'https://a.example/');
});
