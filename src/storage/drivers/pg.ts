import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, Queryable } from '../db.ts';

// bigint counts come back as numbers; our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export interface PgOptions {
  driver: Db['driver'];
  poolMax?: number;
  /** Runs after the pool has ended (the embedded server's release). */
  afterClose?: () => Promise<void>;
}

/** A PostgreSQL server through a connection pool. */
export async function openPg(connection: string | pg.ClientConfig, opts: PgOptions): Promise<Db> {
  const config: pg.PoolConfig = {
    ...(typeof connection === 'string' ? { connectionString: connection } : connection),
    max: opts.poolMax ?? 10,
    // pg's default closes a connection idle for 10 s; opening one again (fork and SCRAM) lands on the
    // next burst of sign-ins, so idle connections are kept for a few minutes.
    idleTimeoutMillis: 5 * 60_000,
    allowExitOnIdle: true,
    application_name: 'edusso',
  };
  const pool = new pg.Pool(config);
  // An idle connection dropped by the server (restart, failover, terminated backend) must not crash
  // the process: the pool discards it and the next query opens a new one.
  pool.on('error', () => undefined);
  const client = await pool.connect();
  client.release();
  const listeners = new Set<() => Promise<void>>();
  return {
    driver: opts.driver,
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
    async listen(channel, fn) {
      const stop = await listenOn(config, channel, fn);
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    async tryExclusive(name, label) {
      const c = new pg.Client({ ...config, application_name: label.slice(0, 63) });
      c.on('error', () => undefined);
      await c.connect();
      // The two-key form keeps both keys visible in pg_locks (classid, objid) to name the holder.
      const key = lockKey(name);
      const [{ ok }] = (await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_SPACE, key])).rows as [{ ok: boolean }];
      if (ok) return { release: () => c.end() };
      const holder = await c.query<{ label: string }>(
        `SELECT a.application_name AS label FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.classid = $1::int::oid AND l.objid = $2::int::oid AND l.objsubid = 2 AND l.granted LIMIT 1`,
        [LOCK_SPACE, key],
      );
      await c.end();
      return { heldBy: holder.rows[0]?.label ?? 'another process' };
    },
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
      await opts.afterClose?.();
    },
  };
}

const LOCK_SPACE = 727275;
const lockKey = (name: string) => createHash('sha256').update(name).digest().readUInt32BE(0) >>> 1;

/** One dedicated connection per channel; re-opened after a drop, with a call so nothing missed stays stale. */
async function listenOn(config: pg.ClientConfig, channel: string, fn: (payload: string) => void): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ ...config, application_name: 'edusso-listen' });
    c.on('notification', (n) => n.channel === channel && fn(n.payload ?? ''));
    c.on('error', () => undefined);
    c.on('end', () => {
      if (stopped) return;
      retry = setTimeout(() => connect().then(() => fn(''), () => undefined), 1000);
      retry.unref();
    });
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
