import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openTestDb, skipReason, testDrivers } from '../../test/support/postgres.ts';
import type { Db } from '../storage/db.ts';
import { sqlCounterStore } from '../storage/sql/rate-limits.ts';
import { sweepExpired } from '../storage/sweep.ts';
import { memoryCounterStore, rateLimits, type CounterStore, type RateLimitPolicy, type RateLimits } from './rate-limit.ts';

// One contract for every store: a limit that holds in memory holds the same across nodes in PostgreSQL.
for (const kind of ['memory', ...testDrivers] as const) {
  describe(`rate-limit port (${kind})`, { skip: kind === 'memory' ? false : skipReason(kind) }, () => {
    let limits: RateLimits;
    let db: Db | undefined;
    let close: (() => Promise<void>) | undefined;
    let n = 0;
    // Each test gets its own policy name, so keys never collide between tests.
    const policy = (points: number, windowSeconds = 60): RateLimitPolicy => ({ name: `test${++n}`, points, windowSeconds });
    before(async () => {
      let store: CounterStore;
      if (kind === 'memory') store = memoryCounterStore();
      else {
        ({ db, close } = await openTestDb(kind));
        store = sqlCounterStore(db);
      }
      limits = rateLimits(store);
    });
    after(() => close?.());

    test('consume spends points until the policy runs out, then refuses with a retry-after', async () => {
      const p = policy(3);
      for (let i = 1; i <= 3; i++) {
        const r = await limits.consume(p, 'k');
        assert.equal(r.allowed, true);
        assert.equal(r.consumed, i);
        assert.equal(r.remaining, 3 - i);
      }
      const refused = await limits.consume(p, 'k');
      assert.equal(refused.allowed, false);
      assert.ok(refused.retryAfterSeconds > 0 && refused.retryAfterSeconds <= 60);
      assert.equal((await limits.consume(p, 'other')).allowed, true, 'keys are separate');
      assert.equal((await limits.get(p, 'k')).consumed, 4);
    });

    test('an unknown key reads as untouched; penalty counts without refusing; reward never goes below zero', async () => {
      const p = policy(2);
      assert.deepEqual(await limits.get(p, 'new'), { consumed: 0, remaining: 2, retryAfterSeconds: 0 });
      assert.equal((await limits.penalty(p, 'k', 5)).consumed, 5);
      assert.equal((await limits.reward(p, 'k', 2)).consumed, 3);
      assert.equal((await limits.reward(p, 'k', 10)).consumed, 0);
      assert.equal((await limits.get(p, 'k')).retryAfterSeconds, 0);
    });

    test('a block refuses the key for its time and keeps the count; a shorter block does not shorten it', async () => {
      const p = policy(10);
      await limits.penalty(p, 'k', 2);
      await limits.block(p, 'k', 120);
      await limits.block(p, 'k', 5);
      const s = await limits.get(p, 'k');
      assert.equal(s.consumed, 2);
      assert.ok(s.retryAfterSeconds > 60, `retry after ${s.retryAfterSeconds}`);
      assert.equal((await limits.consume(p, 'k')).allowed, false, 'blocked even with points left');
      assert.equal((await limits.get(p, 'unblocked')).retryAfterSeconds, 0);
    });

    test('reset forgets the key and its block', async () => {
      const p = policy(1);
      await limits.consume(p, 'k', 3);
      await limits.block(p, 'k', 60);
      await limits.reset(p, 'k');
      assert.deepEqual(await limits.get(p, 'k'), { consumed: 0, remaining: 1, retryAfterSeconds: 0 });
    });

    test('concurrent consumers never lose a point', async () => {
      const p = policy(1000);
      await Promise.all(Array.from({ length: 40 }, () => limits.consume(p, 'k')));
      assert.equal((await limits.get(p, 'k')).consumed, 40);
    });

    test('a window ends: the count starts again, and the sweeper removes ended rows', async () => {
      const p = policy(1, 1);
      await limits.consume(p, 'k', 2);
      await limits.block(p, 'short', 1);
      await sleep(1100);
      assert.equal((await limits.get(p, 'k')).consumed, 0);
      assert.equal((await limits.get(p, 'short')).retryAfterSeconds, 0);
      const again = await limits.consume(p, 'k');
      assert.equal(again.allowed, true);
      assert.equal(again.consumed, 1);
      if (db) {
        await db.query(`UPDATE rate_limits SET window_ends_at = now() - interval '2 minutes', blocked_until = NULL WHERE key LIKE $1`, [`${p.name}:%`]);
        await sweepExpired(db);
        assert.equal((await db.query(`SELECT 1 FROM rate_limits WHERE key LIKE $1`, [`${p.name}:%`])).length, 0);
      }
    });
  });
}
