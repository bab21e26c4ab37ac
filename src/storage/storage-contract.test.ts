import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDb, skipReason, testDrivers } from '../../test/support/postgres.ts';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openDb } from './open.ts';
import { sqlAccounts } from './sql/accounts.ts';
import { sqlAudit } from './sql/audit.ts';
import { sqlClients } from './sql/clients.ts';
import { sqlCaptchas, sqlWebSessions } from './sql/ephemeral.ts';
import { sqlSigningKeys } from './sql/signing-keys.ts';
import { sqlAdapterFactory } from '../oidc/adapter.ts';
import { sweepExpired } from './sweep.ts';

// One contract on every server kind: the embedded PostgreSQL of development and an external one.
for (const driver of testDrivers) {
  describe(`storage contract (${driver})`, { skip: skipReason(driver) }, () => {
    let db: Db;
    let close: (() => Promise<void>) | undefined;
    let url: string;
    before(async () => {
      ({ db, close, url } = await openTestDb(driver));
      await db.query(`INSERT INTO counties (code, name, english, fullname) VALUES ('10009000', '雲林縣', 'Yunlin County', '臺灣省雲林縣')`);
      await db.query(`INSERT INTO schools (code, name, level, county_code) VALUES ('094601', '縣立鎮西國小', '國小', '10009000')`);
    });
    after(() => close?.());

    test('migrations are recorded and applying them again does nothing', async () => {
      assert.deepEqual(await migrate(db), []);
    });

    test('accounts: create, find, unique names, affiliations with 教師 first', async () => {
      const accounts = sqlAccounts(db);
      const a = await accounts.create({ username: 'contract.user', passwordHash: 'h', displayName: '測試' });
      assert.equal((await accounts.findByUsername('contract.user'))?.id, a.id);
      assert.equal((await accounts.findById(a.id))?.displayName, '測試');
      assert.equal(await accounts.findById('not-a-uuid'), undefined);
      await assert.rejects(accounts.create({ username: 'contract.user', passwordHash: 'h', displayName: 'x' }));
      await accounts.setAffiliation(a.id, { schoolCode: '094601', identity: '教師', titles: ['導師'], classes: [] });
      await accounts.setAffiliation(a.id, { schoolCode: '094601', identity: '教師', titles: ['組長'], classes: [] });
      const aff = await accounts.affiliations(a.id);
      assert.equal(aff.length, 1);
      assert.deepEqual(aff[0]!.titles, ['組長']);
      assert.equal(aff[0]!.schoolName, '縣立鎮西國小');
    });

    test('a transaction that fails leaves nothing behind', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await sqlAccounts(tx).create({ username: 'half.done', passwordHash: 'h', displayName: 'x' });
          throw new Error('crash mid-way');
        }),
      );
      assert.equal(await sqlAccounts(db).findByUsername('half.done'), undefined);
    });

    test('captchas answer once and expire', async () => {
      const captchas = sqlCaptchas(db);
      await captchas.put('c1', '123', 60);
      assert.equal(await captchas.peek('c1'), '123');
      const [first, second] = await Promise.all([captchas.take('c1'), captchas.take('c1')]);
      assert.deepEqual([first, second].sort(), ['123', undefined].sort());
      await captchas.put('c2', '456', -1);
      assert.equal(await captchas.take('c2'), undefined);
    });

    test('clients, web sessions, audit events, signing keys', async () => {
      const clients = sqlClients(db);
      await clients.insert({ clientId: 'c-1', name: 'App', firstParty: true, homeUrl: null, metadata: { redirect_uris: ['https://a/cb'] } });
      assert.deepEqual((await clients.find('c-1'))?.metadata, { redirect_uris: ['https://a/cb'] });
      assert.equal(await clients.remove('c-1'), true);
      assert.equal(await clients.remove('c-1'), false);

      const account = await sqlAccounts(db).create({ username: 'session.user', passwordHash: 'h', displayName: 'x' });
      const sessions = sqlWebSessions(db);
      await sessions.create('hash1', account.id, 60);
      assert.equal((await sessions.find('hash1'))?.accountId, account.id);
      await sessions.remove('hash1');
      assert.equal(await sessions.find('hash1'), undefined);

      const audit = sqlAudit(db);
      await audit.record({ type: 'login.succeeded', accountId: account.id, ip: '127.0.0.1' });
      assert.equal((await audit.forAccount(account.id, 10))[0]?.type, 'login.succeeded');

      const keys = sqlSigningKeys(db);
      await keys.rotate({ kid: 'k1', alg: 'RS256', sealedJwk: 's1' });
      await keys.rotate({ kid: 'k2', alg: 'RS256', sealedJwk: 's2' });
      const published = await keys.published(new Date(Date.now() - 3600_000));
      assert.deepEqual(published.map((k) => k.kid), ['k2', 'k1']);
      assert.equal(published[0]!.retiredAt, null);
      assert.deepEqual((await keys.published(new Date(Date.now() + 3600_000))).map((k) => k.kid), ['k2']);
    });

    test('oidc payloads: upsert, find by uid, consume, expiry, revoke by grant', async () => {
      const adapter = sqlAdapterFactory(db, sqlClients(db));
      const codes = adapter('AuthorizationCode');
      await codes.upsert('code1', { grantId: 'g1', uid: 'u1', accountId: 'a' } as never, 60);
      assert.equal((await codes.find('code1'))?.accountId, 'a');
      assert.equal((await codes.findByUid('u1'))?.grantId, 'g1');
      await codes.consume('code1');
      assert.ok((await codes.find('code1'))?.consumed, 'a consumed code is seen as consumed (replay detection)');
      await codes.upsert('code2', { grantId: 'g1' } as never, -5);
      assert.equal(await codes.find('code2'), undefined, 'expired');
      const tokens = adapter('AccessToken');
      await tokens.upsert('at1', { grantId: 'g1' } as never, 60);
      await tokens.revokeByGrantId('g1');
      assert.equal(await tokens.find('at1'), undefined);
      assert.equal(await codes.find('code1'), undefined);
    });

    test('a connection dropped by the server does not crash the process; the next query works', async () => {
      await db.query('SELECT 1');
      const admin = await openDb({ databaseUrl: url, dataDir: '' });
      const [{ name }] = await db.query<{ name: string }>('SELECT current_database() AS name');
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin.close();
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(await db.query<{ one: number }>('SELECT 1 AS one'), [{ one: 1 }]);
    });

    test('the sweeper removes expired rows and keeps live ones', async () => {
      await sqlCaptchas(db).put('old', '111', -120);
      await sqlCaptchas(db).put('live', '222', 300);
      await sqlAdapterFactory(db, sqlClients(db))('Session').upsert('s-old', {} as never, -120);
      assert.ok((await sweepExpired(db)) >= 2);
      assert.equal(await sqlCaptchas(db).peek('live'), '222');
      assert.equal((await db.query(`SELECT 1 FROM captchas WHERE id = 'old'`)).length, 0);
      assert.equal((await db.query(`SELECT 1 FROM oidc_payloads WHERE id = 's-old'`)).length, 0);
    });
  });
}
