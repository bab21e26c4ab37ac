import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../../src/config/settings.ts';
import { serve } from '../../src/app/serve.ts';
import { freshDatabase } from './postgres.ts';
import { createLogger, createServices, type Services } from '../../src/app/compose.ts';
import type { LiveProvider } from '../../src/oidc/live-provider.ts';

export const TEST_CAPTCHA = '424';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  issuer: string;
  services: Services;
  /** This node's OpenID provider (rebuilt when signing keys change). */
  oidc: LiveProvider;
  dataDir: string;
  env: Record<string, string>;
  stop(): Promise<void>;
  /** Stops and starts again on the same port and data: what a restart does. */
  restart(): Promise<TestServer>;
  cleanup(): Promise<void>;
}

/**
 * Starts the real service on a free loopback port with its own database: by default a clone of the
 * seeded template on the run's embedded PostgreSQL; `embedded: true` runs it exactly as `npm start`
 * does, with its own embedded server in its data folder.
 */
export async function startServer(
  opts: { databaseUrl?: string; embedded?: boolean; env?: Record<string, string>; dataDir?: string; port?: number; logs?: string[] } = {},
): Promise<TestServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'edusso-test-'));
  let dropDatabase: (() => Promise<void>) | undefined;
  if (!opts.databaseUrl && !opts.embedded) {
    const fresh = await freshDatabase('embedded', 'seeded');
    opts = { ...opts, databaseUrl: fresh.url };
    dropDatabase = fresh.drop;
  }
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    ISSUER: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    CAPTCHA_TEST_ANSWER: TEST_CAPTCHA,
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  };
  const settings = loadSettings(env);
  const sink = opts.logs && { write: (line: string) => void opts.logs!.push(line) };
  const services = await createServices(settings, createLogger(settings, sink));
  const running = await serve(services);
  const server: TestServer = {
    issuer: settings.issuer,
    services,
    oidc: running.oidc,
    dataDir,
    env,
    stop: () => running.close(),
    async restart() {
      await running.close();
      return startServer({ ...opts, dataDir, port });
    },
    async cleanup() {
      await running.close().catch(() => undefined);
      await dropDatabase?.();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
