/** The one storage port every repository is written against: PostgreSQL through `pg`. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** The server this service started itself for DATA_DIR, or one named by DATABASE_URL. */
  readonly driver: 'embedded' | 'external';
  /** Runs fn inside one transaction; everything it writes commits or nothing does. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls fn with the payload of every NOTIFY on channel, from any process on the same database;
   * the returned function stops listening. A dropped connection is re-opened.
   */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Holds a session-level advisory lock named `name` on a connection of its own until released or
   * until this process dies (the server drops the lock with the connection, so `kill -9` frees it).
   * `label` is visible to whoever is refused. Undefined when another session holds it.
   */
  tryExclusive(name: string, label: string): Promise<{ release(): Promise<void> } | { heldBy: string }>;
  close(): Promise<void>;
}

export async function one<T>(q: Queryable, sql: string, params?: unknown[]): Promise<T | undefined> {
  const rows = await q.query<T>(sql, params);
  return rows[0];
}
