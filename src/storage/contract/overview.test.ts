import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from './each-driver.ts';

const HOUR = 3600_000;
const everything = { all: true, counties: [], schools: [] };
const yunlin = { all: false, counties: ['10009000'], schools: [] };
const taipei = { all: false, counties: ['63000000'], schools: [] };
const oneSchool = { all: false, counties: [], schools: ['313601'] };

contract('storage contract: overview figures and the audit log search', (t) => {
  const ids: Record<string, string> = {};

  test('accounts by the county of their home school and status; each counted once; bounded by scope', async () => {
    const { store, db } = t();
    await store.directory.upsertCounties([{ code: '63000000', name: '臺北市', english: 'Taipei City', fullname: '臺北市', moeCode: '31', moeCodes: ['31'] }]);
    await store.directory.upsertSchools([
      { code: '313601', name: '市立測試國小', level: '國小', countyCode: '63000000', countyName: '臺北市', districtCode: null, districtName: null, ownership: '公立', address: null, phone: null, url: null },
    ]);
    const make = async (username: string, schools: string[], status?: 'inactive' | 'admin' | 'none') => {
      const a = await store.accounts.create({ username, passwordHash: 'x', displayName: '測' });
      for (const code of schools) await store.accounts.setAffiliation(a.id, { schoolCode: code, identity: '教師', titles: [], classes: [] });
      if (status) await db.query(`UPDATE accounts SET status = 'disabled', disabled_reason = $2 WHERE id = $1`, [a.id, status === 'none' ? null : status]);
      ids[username] = a.id;
    };
    await make('ov.y1', ['094601']);
    await make('ov.y2', ['094601'], 'inactive');
    await make('ov.y3', ['094601'], 'admin');
    await make('ov.y4', ['094601'], 'none');
    await make('ov.t1', ['313601']);
    await make('ov.both', ['313601', '094601']);
    await make('ov.nobody', []);

    const all = await store.overview.accountsByCounty(everything);
    const row = (rows: typeof all, code: string | null) => rows.find((r) => r.countyCode === code);
    assert.deepEqual(row(all, '10009000'), { countyCode: '10009000', countyName: '雲林縣', active: 1, inactive: 1, disabled: 2 }, 'a disabled account with no reason counts as disabled by an administrator');
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts`);
    assert.equal(all.reduce((t, r) => t + r.active + r.inactive + r.disabled, 0), n, 'every account once, wherever it belongs');
    assert.equal(all.at(-1)!.countyCode, null, 'accounts without a school come last');
    assert.deepEqual(row(all, '63000000'), { countyCode: '63000000', countyName: '臺北市', active: 2, inactive: 0, disabled: 0 }, 'an account of two schools counts once, in its primary school’s county');
    assert.deepEqual((await store.overview.accountsByCounty(yunlin)).map((r) => r.countyCode), ['10009000'], 'a county scope: its county only');
    const t1 = await store.overview.accountsByCounty(taipei);
    assert.deepEqual(t1.map((r) => [r.countyCode, r.active]), [['63000000', 2]]);
    assert.deepEqual((await store.overview.accountsByCounty(oneSchool)).map((r) => [r.countyCode, r.active]), t1.map((r) => [r.countyCode, r.active]));
    assert.deepEqual(await store.overview.accountsByCounty({ all: false, counties: [], schools: [] }), [], 'an empty scope sees nothing');
  });

  test('sign-ins per hour: authentication records only, in the window, bounded by scope', async () => {
    const { store, db } = t();
    const base = new Date('2026-03-01T10:00:00Z').getTime();
    const rec = (account: string, at: number, result: string, kind = 'authentication') =>
      db.query(`INSERT INTO sign_in_records (at, account_id, kind, method, result) VALUES ($1, $2, $3, 'password', $4)`, [new Date(at), ids[account], kind, result]);
    await rec('ov.y1', base + 5 * 60_000, 'succeeded');
    await rec('ov.y1', base + 59 * 60_000, 'failed');
    await rec('ov.t1', base + 30 * 60_000, 'failed');
    await rec('ov.y1', base + 30 * 60_000, 'succeeded', 'application');
    await rec('ov.y1', base + 2 * HOUR, 'succeeded');
    await rec('ov.y1', base - 1, 'succeeded');
    await rec('ov.y1', base + 3 * HOUR, 'succeeded');

    const all = await store.overview.signInsByHour(everything, new Date(base), new Date(base + 3 * HOUR));
    assert.deepEqual(
      all.map((h) => [h.hour.toISOString(), h.succeeded, h.failed]),
      [
        ['2026-03-01T10:00:00.000Z', 1, 2],
        ['2026-03-01T12:00:00.000Z', 1, 0],
      ],
    );
    const mine = await store.overview.signInsByHour(yunlin, new Date(base), new Date(base + 3 * HOUR));
    assert.deepEqual(mine.map((h) => [h.succeeded, h.failed]), [[1, 1], [1, 0]]);
    assert.deepEqual((await store.overview.signInsByHour(oneSchool, new Date(base), new Date(base + HOUR))).map((h) => [h.succeeded, h.failed]), [[0, 1]]);
  });

  test('open tickets by age: not resolved, at a given moment', async () => {
    const { store, db } = t();
    const now = new Date('2026-03-10T00:00:00Z');
    const day = 86_400_000;
    for (const [age, status] of [[0.2, 'new'], [1, 'new'], [2.9, 'waiting'], [3, 'in-progress'], [8, 'new'], [8, 'resolved'], [-1, 'new']] as const) {
      await db.query(`INSERT INTO helpdesk_tickets (category, description, status, created_at) VALUES ('x', 'x', $1, $2)`, [status, new Date(now.getTime() - age * day)]);
    }
    const ages = await store.overview.openTicketsByAge(everything, now);
    assert.deepEqual(Object.fromEntries(ages.map((a) => [a.age, a.count])), { '0-1': 1, '1-3': 2, '3-7': 1, '7+': 1 }, 'a ticket created after the moment is not counted');
    const county = await store.overview.openTicketsByAge(yunlin, now);
    const hasCounty = (await db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'helpdesk_tickets' AND column_name = 'county_code'`)).length > 0;
    if (!hasCounty) assert.deepEqual(county, [], 'without a county on tickets a county scope sees none');
  });

  test('the audit log: filters, newest first, paging, names of the actor and the account', async () => {
    const { store, db } = t();
    const { audit, auditLog } = store;
    await audit.record({ type: 'ct.alpha', accountId: ids['ov.y1'], ip: '192.0.2.1', actor: `account:${ids['ov.t1']}`, detail: { n: 1 } });
    await audit.record({ type: 'ct.alpha', accountId: ids['ov.t1'], ip: '192.0.2.2', clientId: 'sys-1', actor: 'client:sys-1', detail: { n: 2 } });
    await audit.record({ type: 'ct.beta', accountId: ids['ov.y1'], ip: '192.0.2.1', actor: 'cli', detail: { n: 3 } });
    await audit.record({ type: 'ct_gamma', detail: { n: 4 } });
    await db.query(`UPDATE audit_events SET at = '2025-06-01T00:00:00Z' WHERE type = 'ct_gamma'`);
    const n = async (filter: Parameters<typeof auditLog.search>[0], page = { limit: 10, offset: 0 }) => (await auditLog.search(filter, page)).map((e) => e.detail.n);

    assert.deepEqual(await n({ typePrefix: 'ct.' }), [3, 2, 1], 'a prefix; _ and % are literal');
    assert.deepEqual(await n({ typePrefix: 'ct_' }), [4]);
    assert.deepEqual(await n({ typePrefix: 'ct%' }), []);
    assert.deepEqual(await n({ typePrefix: 'ct', actor: 'cli' }), [3]);
    assert.deepEqual(await n({ typePrefix: 'ct', accountName: 'OV.Y1' }), [3, 1], 'the account name as typed, any case');
    assert.deepEqual(await n({ typePrefix: 'ct', accountName: 'nobody' }), []);
    assert.deepEqual(await n({ typePrefix: 'ct', clientId: 'sys-1' }), [2]);
    assert.deepEqual(await n({ typePrefix: 'ct', ip: '192.0.2.1' }), [3, 1]);
    assert.deepEqual(await n({ typePrefix: 'ct', from: new Date('2025-05-31T00:00:00Z'), until: new Date('2025-06-02T00:00:00Z') }), [4]);
    assert.deepEqual(await n({ typePrefix: 'ct', until: new Date('2025-06-01T00:00:00Z') }), [], 'the end is exclusive');
    assert.deepEqual(await n({ typePrefix: 'ct' }, { limit: 2, offset: 1 }), [2, 1]);

    const [first] = await auditLog.search({ typePrefix: 'ct.alpha', ip: '192.0.2.1' }, { limit: 1, offset: 0 });
    assert.equal(first!.actorName, 'ov.t1');
    assert.equal(first!.accountName, 'ov.y1');
    assert.ok(first!.at instanceof Date);
    assert.equal(typeof first!.id, 'string');
    const [client] = await auditLog.search({ clientId: 'sys-1' }, { limit: 1, offset: 0 });
    assert.equal(client!.actorName, null, 'a client has no account name');
    assert.equal(client!.actor, 'client:sys-1');
  });
});
