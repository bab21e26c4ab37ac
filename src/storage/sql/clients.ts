import { one, type Queryable } from '../db.ts';
import type { ClientRecord, ClientRepo } from '../ports.ts';

const toClient = (r: Record<string, any>): ClientRecord => ({
  clientId: r.client_id,
  name: r.name,
  firstParty: r.first_party,
  homeUrl: r.home_url,
  metadata: r.metadata,
  createdAt: new Date(r.created_at),
});

export function sqlClients(q: Queryable): ClientRepo {
  return {
    async insert(c) {
      await q.query(`INSERT INTO clients (client_id, name, first_party, home_url, metadata) VALUES ($1, $2, $3, $4, $5)`, [
        c.clientId,
        c.name,
        c.firstParty,
        c.homeUrl,
        JSON.stringify(c.metadata),
      ]);
    },
    async find(clientId) {
      const row = await one<Record<string, any>>(q, `SELECT * FROM clients WHERE client_id = $1`, [clientId]);
      return row && toClient(row);
    },
    async list() {
      return (await q.query<Record<string, any>>(`SELECT * FROM clients ORDER BY created_at, client_id`)).map(toClient);
    },
    async update(c) {
      const rows = await q.query(`UPDATE clients SET name = $2, first_party = $3, home_url = $4, metadata = $5 WHERE client_id = $1 RETURNING client_id`, [
        c.clientId,
        c.name,
        c.firstParty,
        c.homeUrl,
        JSON.stringify(c.metadata),
      ]);
      return rows.length > 0;
    },
    async remove(clientId) {
      const rows = await q.query(`DELETE FROM clients WHERE client_id = $1 RETURNING client_id`, [clientId]);
      return rows.length > 0;
    },
  };
}
