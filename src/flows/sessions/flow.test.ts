import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WebSession } from '../../storage/ports.ts';
import * as flow from './flow.ts';

const session = (idHash: string, userAgent: string | null, minutesAgo: number): WebSession => ({
  idHash,
  accountId: 'a1',
  createdAt: new Date(Date.UTC(2026, 10, 25, 3, 0)),
  authenticatedAt: new Date(Date.UTC(2026, 10, 25, 3, 0)),
  lastSeenAt: new Date(Date.UTC(2026, 10, 25, 4, 0) - minutesAgo * 60_000),
  ip: '203.0.113.7',
  userAgent,
  methods: ['password'],
});
const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';

test('this session first and marked, the others after it; device, browser and system from the User-Agent', () => {
  const rows = flow.rowsOf([session('other', iphone, 1), session('mine', chrome, 5)], 'mine');
  assert.deepEqual(rows.map((r) => [r.current, r.device, r.browser]), [[true, 'desktop', 'Chrome 120'], [false, 'mobile', 'Mobile Safari 17']]);
  assert.notEqual(rows[1]!.ref, 'other', 'the page never carries the session key');
  assert.equal(flow.rowsOf([session('x', null, 0)], 'mine')[0]!.browser, '', 'an unknown browser stays empty (the page says 不明)');
});

test('「登出」 reaches only another session of the list, never this one or an unknown reference', () => {
  const list = [session('mine', chrome, 0), session('other', iphone, 1)];
  assert.equal(flow.otherByRef(list, 'mine', flow.refOf('other'))?.idHash, 'other');
  assert.equal(flow.otherByRef(list, 'mine', flow.refOf('mine')), undefined);
  assert.equal(flow.otherByRef(list, 'mine', 'nonsense'), undefined);
});

test('the notice after a POST survives the redirect, and nothing else does', () => {
  for (const n of [{ kind: 'ended' }, { kind: 'gone' }, { kind: 'others', count: 2 }] as const) {
    const query = Object.fromEntries(new URLSearchParams(flow.noticeQuery(n)));
    assert.deepEqual(flow.noticeOf(query), n);
  }
  assert.equal(flow.noticeOf({ done: 'others', count: '-1' }), undefined);
  assert.equal(flow.noticeOf({ done: '<script>' }), undefined);
});
