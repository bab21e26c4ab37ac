import pg from 'pg';
import type { Db, Queryable } from '../db.ts';

// bigint counts come back as numbers; our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** A PostgreSQL server through a connection pool. */
export async function openPg(url: string, poolMax = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  // An idle connection dropped by the server (restart, failover, terminated backend) must not crash
  // the process: the pool discards it and the next query opens a new one.
  pool.on('error', () => undefined);
  const client = await pool.connect();
  client.release();
  return {
    driver: 'pg',
    query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
    exec: async (sql) => void (await pool.query(sql)),
    transaction: async (fn) => {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const scoped: Queryable = {
          query: async (sql, params) => (await conn.query(sql, params as unknown[])).rows,
          exec: async (sql) => void (await conn.query(sql)),
        };
        const result = await fn(scoped);
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}
