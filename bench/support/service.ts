// Runs a checkout's edusso as a user does: `node src/main.ts …` in separate processes on one DATA_DIR.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { alive, postmasterOf } from './procs.ts';

export interface Checkout {
  dir: string;
  node: string;
}

export function checkout(dir: string): Checkout {
  const node = join(dir, 'node_modules', '.bin', 'node');
  if (!existsSync(join(dir, 'src', 'main.ts'))) throw new Error(`${dir} has no src/main.ts`);
  if (!existsSync(node)) throw new Error(`${node} is missing: run npm install in ${dir}`);
  return { dir, node };
}

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

export function serviceEnv(dataDir: string, port: number): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    ISSUER: `http://localhost:${port}`,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    CAPTCHA_TEST_ANSWER: '424',
  };
}

/** One CLI command (`client add …`, `account create …`) to completion; its parsed --json output. */
export async function cli(co: Checkout, env: Record<string, string>, args: string[]): Promise<{ result: any; ms: number }> {
  const started = performance.now();
  const child = spawn(co.node, ['src/main.ts', ...args], { cwd: co.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`edusso ${args.join(' ')} exited ${code}:\n${err}${out}`);
  return { result: JSON.parse(out), ms: performance.now() - started };
}

export interface RunningService {
  child: ChildProcess;
  pid: number;
  /** ms from spawn to the "edusso is running at" announcement. */
  readyMs: number;
  /** ms from spawn to its first line of output (silence before it is what a user sees). */
  firstOutputMs: number;
  /** Everything it printed before it was ready. */
  startOutput: string;
  stop(): Promise<{ ms: number; postmasterLeft: boolean }>;
}

/** `node src/main.ts serve [--workers N]`; resolves when it announces itself. */
export async function startService(co: Checkout, env: Record<string, string>, workers: string | undefined, timeoutMs = 300_000): Promise<RunningService> {
  const args = ['src/main.ts', 'serve', ...(workers ? ['--workers', workers] : [])];
  const started = performance.now();
  const child = spawn(co.node, args, { cwd: co.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let firstOutputMs = 0;
  const exited = new Promise<number>((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 128 : 1))));
  const ready = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (d: Buffer) => {
      if (!output) firstOutputMs = performance.now() - started;
      output += d;
      if (output.includes('edusso is running at')) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`edusso serve exited ${code} before it was ready:\n${output}`));
    });
  });
  // Keep draining its output so it never blocks on a full pipe.
  child.stdout!.removeAllListeners('data').resume();
  child.stderr!.removeAllListeners('data').on('data', (d) => process.stderr.write(`[service] ${d}`));
  const dataDir = env.DATA_DIR!;
  return {
    child,
    pid: child.pid!,
    readyMs: ready,
    firstOutputMs,
    startOutput: output,
    async stop() {
      const t = performance.now();
      const postmaster = postmasterOf(dataDir);
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000))]);
      if (code === 'timeout') child.kill('SIGKILL');
      const ms = performance.now() - t;
      // The service stops the embedded server it started; if it was left running, stop it (fast shutdown).
      let postmasterLeft = false;
      if (postmaster) {
        for (let i = 0; i < 100 && alive(postmaster); i++) await new Promise((r) => setTimeout(r, 100));
        if (alive(postmaster)) {
          postmasterLeft = true;
          process.kill(postmaster, 'SIGINT');
          for (let i = 0; i < 100 && alive(postmaster); i++) await new Promise((r) => setTimeout(r, 100));
        }
      }
      return { ms, postmasterLeft };
    },
  };
}

/** The bare oidc-provider (bench/support/bare-provider.ts) as its own process. */
export async function startBareProvider(node: string): Promise<{ child: ChildProcess; issuer: string; client_id: string; client_secret: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(node, [join(import.meta.dirname, 'bare-provider.ts'), String(port)], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (c) => reject(new Error(`bare oidc-provider exited ${c}`)));
  });
  const info = JSON.parse(line);
  return {
    child,
    ...info,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
