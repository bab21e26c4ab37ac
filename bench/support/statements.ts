// Counts the SQL statements an operation costs on the embedded PostgreSQL server: turns on
// log_statement=all for a few operations, then reads them back from DATA_DIR/postgres.log.
// Only for a checkout whose service runs the embedded server (DATA_DIR/pg exists).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export interface StatementCount {
  name: string;
  ops: number;
  statementsPerOp: number;
  /** The most frequent statements (first 90 characters), per operation. */
  top: { statement: string; perOp: number }[];
}

export async function statementCounter(dataDir: string) {
  if (!existsSync(join(dataDir, 'pg'))) return undefined;
  const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));
  const client = new pg.Client({ host: join(dataDir, 'run'), port: 5432, user: 'edusso', database: 'edusso', password: secrets.EMBEDDED_DATABASE_PASSWORD });
  await client.connect();
  const logFile = join(dataDir, 'postgres.log');
  const setLogging = async (on: boolean) => {
    await client.query(on ? `ALTER SYSTEM SET log_statement = 'all'` : 'ALTER SYSTEM RESET log_statement');
    await client.query('SELECT pg_reload_conf()');
    await new Promise((r) => setTimeout(r, 300));
  };
  return {
    async count(name: string, ops: number, op: () => Promise<unknown>): Promise<StatementCount> {
      await setLogging(true);
      const from = statSync(logFile).size;
      // A marker pair: only statements between them count.
      await client.query(`SELECT 'bench-start'`);
      for (let i = 0; i < ops; i++) await op();
      await client.query(`SELECT 'bench-end'`);
      await setLogging(false);
      const text = readFileSync(logFile, 'utf8').slice(from);
      const end = text.indexOf(`'bench-end'`);
      const between = text.slice(text.indexOf(`'bench-start'`), text.lastIndexOf('\n', end));
      const counts = new Map<string, number>();
      let total = 0;
      for (const m of between.matchAll(/LOG:\s+(?:statement|execute [^:]*):\s*(.*)/g)) {
        const s = m[1]!.replace(/\s+/g, ' ').trim().slice(0, 90);
        if (s.includes('bench-start')) continue;
        total++;
        counts.set(s, (counts.get(s) ?? 0) + 1);
      }
      const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([statement, n]) => ({ statement, perOp: n / ops }));
      return { name, ops, statementsPerOp: total / ops, top };
    },
    close: () => client.end(),
  };
}

/** ALTER SYSTEM SET for each name=value and a reload: an experiment on a running embedded server. */
export async function pgSet(dataDir: string, settings: string[]): Promise<void> {
  if (!settings.length) return;
  if (!existsSync(join(dataDir, 'pg'))) throw new Error('--pg-set needs the embedded PostgreSQL server');
  const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));
  const client = new pg.Client({ host: join(dataDir, 'run'), port: 5432, user: 'edusso', database: 'edusso', password: secrets.EMBEDDED_DATABASE_PASSWORD });
  await client.connect();
  for (const s of settings) {
    const [name, value] = s.split('=');
    if (!/^[a-z_]+$/.test(name!)) throw new Error(`--pg-set ${s}: not a setting name`);
    await client.query(`ALTER SYSTEM SET ${name} = ${client.escapeLiteral(value ?? '')}`);
  }
  await client.query('SELECT pg_reload_conf()');
  await client.end();
}
