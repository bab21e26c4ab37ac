import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { z } from 'zod';
import type { Ctx } from '../../web/context.ts';
import { parseForm, text } from './form.ts';

const posted = (body: string) =>
  Object.assign(Readable.from([Buffer.from(body)]), {}) as unknown as Ctx['req'];
const ctx = (body: string) =>
  ({ state: {}, req: posted(body), is: () => 'application/x-www-form-urlencoded', get: () => String(body.length) }) as unknown as Ctx;

test('a form parses into typed input; absent fields are empty and long ones cut', async () => {
  const r = await parseForm(ctx('name=%E9%99%B3&note=' + 'x'.repeat(300)), z.object({ name: text(), note: text(10), other: text() }));
  assert.deepEqual(r, { ok: true, data: { name: '陳', note: 'x'.repeat(10), other: '' } });
});

test('a refused field becomes a field error whose text is a message key', async () => {
  const r = await parseForm(ctx('role=student'), z.object({ role: z.literal('teacher', { message: 'register.chooseRole' }) }));
  assert.deepEqual(r, { ok: false, errors: { role: { key: 'register.chooseRole' } } });
});
