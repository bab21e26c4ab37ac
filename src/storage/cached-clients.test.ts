import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestDb } from '../../test/support/postgres.ts';
import { waitFor } from '../../test/support/wait.ts';
import { cachedClients } from './cached-clients.ts';
import type { Db } from './db.ts';
import { openDb } from './open.ts';
import type { ClientRepo } from './ports.ts';
import { sqlClients } from './sql/clients.ts';

let db: Db;
let url: string;
let close: () => Promise<void>;
before(async () => ({ db, url, close } = await openTestDb()));
after(() => close());

const app = (clientId: string, name = '校務系統') => ({ clientId, name, firstParty: false, homeUrl: null, metadata: { client_id: clientId } });

function counting(repo: ClientRepo) {
  const calls = { find: 0 };
  return { calls, repo: { ...repo, find: (id: string) => (calls.find++, repo.find(id)) } };
}

test('a found client is read once, then served from memory', async () => {
  const { calls, repo } = counting(sqlClients(db));
  const cache = await cachedClients(repo, db);
  await sqlClients(db).insert(app('cached-1'));
  for (let i = 0; i < 7; i++) assert.equal((await cache.find('cached-1'))?.name, '校務系統');
  assert.equal(calls.find, 1);
  await cache.stop();
});

test('a miss is never kept: a client another process adds is seen on the very next request', async () => {
  const cache = await cachedClients(sqlClients(db), db);
  assert.equal(await cache.find('cached-2'), undefined);
  const other = await openDb({ databaseUrl: url, dataDir: '' });
  await sqlClients(other).insert(app('cached-2'));
  assert.ok(await cache.find('cached-2'));
  await other.close();
  await cache.stop();
});

test('a change by another process reaches the cache through its notification', async () => {
  const cache = await cachedClients(sqlClients(db), db);
  await sqlClients(db).insert(app('cached-3', '舊名稱'));
  assert.equal((await cache.find('cached-3'))?.name, '舊名稱');
  const other = await openDb({ databaseUrl: url, dataDir: '' });
  await other.query(`UPDATE clients SET name = '新名稱' WHERE client_id = 'cached-3'`);
  await waitFor('the renamed client', async () => (await cache.find('cached-3'))?.name === '新名稱', 5_000);
  assert.ok(await sqlClients(other).remove('cached-3'));
  await waitFor('the removed client to be gone', async () => (await cache.find('cached-3')) === undefined, 5_000);
  await other.close();
  await cache.stop();
});
