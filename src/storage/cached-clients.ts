import type { Db } from './db.ts';
import type { ClientRecord, ClientRepo } from './ports.ts';

/**
 * Connected applications as a running node reads them: a sign-in asks for the same client about
 * seven times. Found clients are kept in memory until any process changes the `clients` table (the
 * trigger's NOTIFY edusso_changes) or a minute passes; a miss always asks the database, so a client
 * added by a command is seen on the very next request, before its notification arrives.
 */
export async function cachedClients(repo: ClientRepo, db: Db, maxAgeMs = 60_000): Promise<ClientRepo & { stop(): Promise<void> }> {
  const cache = new Map<string, { record: ClientRecord; at: number }>();
  // An empty payload means the listening connection was re-opened: something may have been missed.
  const stop = await db.listen('edusso_changes', (table) => (table === 'clients' || table === '') && cache.clear());
  return {
    async find(clientId) {
      const hit = cache.get(clientId);
      if (hit && Date.now() - hit.at < maxAgeMs) return hit.record;
      const record = await repo.find(clientId);
      if (record) cache.set(clientId, { record, at: Date.now() });
      else cache.delete(clientId);
      return record;
    },
    list: () => repo.list(),
    async insert(c) {
      await repo.insert(c);
      cache.delete(c.clientId);
    },
    async update(c) {
      cache.delete(c.clientId);
      const done = await repo.update(c);
      cache.delete(c.clientId);
      return done;
    },
    async remove(clientId) {
      cache.delete(clientId);
      return repo.remove(clientId);
    },
    stop,
  };
}
