import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import { CliError } from '../cli/output.ts';
import type { Settings } from '../config/settings.ts';
import type { Db } from '../storage/db.ts';
import { announcement } from './announcement.ts';
import { openDatabase } from './database.ts';

const say = (line: string) => process.stdout.write(`edusso: ${line}\n`);

/**
 * `edusso serve [--workers N]`: N processes on one port and one database (default: one per core).
 * With several workers the primary is only a supervisor: it prepares the database, holds the serve
 * lock and restarts workers; it never loads the web application (workers import it on their own).
 */
export async function serveCommand(settings: Settings, log: Logger, workersFlag: string | undefined): Promise<void> {
  if (cluster.isWorker) return runWorker(settings, log);
  const workers = workersFlag === undefined ? availableParallelism() : Number(workersFlag);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new CliError('--workers must be a whole number from 1 to 64');

  const { db, store } = await openDatabase(settings, log, { say, ownsServer: true });
  const lock = await holdServeLock(db, settings);
  if (workers === 1) {
    const [{ composeServices }, { serve }] = await Promise.all([import('./compose.ts'), import('./serve.ts')]);
    const s = composeServices(settings, log, db, store);
    const running = await serve(s).catch(async (err) => {
      await lock.release();
      await db.close();
      throw listenError(err, settings);
    });
    process.stdout.write(announcement(s, 1));
    onSignals(async () => {
      await running.close();
      await lock.release();
    });
    return;
  }
  say(`starting ${workers} worker processes…`);
  // The supervisor needs no pool while the workers run: one connection holds the lock.
  await runPrimary({ settings, db }, log, workers, async () => {
    await lock.release();
    await db.close();
  });
}

/** Only one `serve` per data folder: a second one would start a second set of workers on the same data. */
async function holdServeLock(db: Db, settings: Settings): Promise<{ release(): Promise<void> }> {
  if (db.driver !== 'embedded') return { release: async () => undefined };
  const held = await db.tryExclusive('serve', `edusso serve pid ${process.pid} ${settings.issuer}`);
  if ('release' in held) return held;
  await db.close();
  throw new CliError(
    `another edusso service is already running on ${settings.dataDir} (${held.heldBy}).\n` +
      `  Its commands work while it runs (npx edusso --help); stop it first to start it again, or set DATA_DIR to another folder.`,
  );
}

function listenError(err: unknown, settings: Settings): unknown {
  if ((err as { code?: string }).code === 'EADDRINUSE') return new CliError(`port ${settings.port} on ${settings.host} is in use: stop what uses it or set PORT`);
  return err;
}

function onSignals(stop: () => Promise<void>) {
  let stopping = false;
  const handler = async () => {
    if (stopping) return;
    stopping = true;
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

async function runPrimary(s: { settings: Settings; db: Db }, log: Logger, count: number, closePrimary: () => Promise<void>) {
  let stopping = false;
  let ready = 0;
  const started = new Map<Worker, number>();
  let quickDeaths = 0;
  const fork = (index: number) => {
    const worker = cluster.fork({ EDUSSO_WORKER_INDEX: String(index) });
    started.set(worker, Date.now());
    worker.on('message', (m: { error?: string }) => {
      if (m.error) {
        process.stderr.write(`edusso: ${m.error}\n`);
        void shutdown(1);
      }
    });
    worker.once('listening', () => {
      if (++ready === count) process.stdout.write(announcement(s, count));
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      log.error({ worker: index, code, signal }, 'worker exited; starting another');
      if (Date.now() - started.get(worker)! < 10_000 && ++quickDeaths > 5) {
        process.stderr.write('edusso: workers keep exiting at start; giving up (see the log above)\n');
        void shutdown(1);
        return;
      }
      fork(index);
    });
  };
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => w.process.kill('SIGKILL'), 15_000);
            w.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await closePrimary();
    process.exit(code);
  };
  for (let i = 1; i <= count; i++) fork(i);
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
}

async function runWorker(settings: Settings, log: Logger) {
  const index = Number(process.env.EDUSSO_WORKER_INDEX ?? '1');
  let close: (() => Promise<void>) | undefined;
  try {
    const [{ createServices }, { serve }] = await Promise.all([import('./compose.ts'), import('./serve.ts')]);
    const s = await createServices(settings, log.child({ worker: index }));
    close = () => s.db.close();
    const running = await serve(s, { seed: index === 1 });
    const stop = async () => {
      await running.close();
      process.exit(0);
    };
    process.once('SIGTERM', stop);
    // Ctrl-C reaches every process of the terminal: the primary stops the workers in order.
    process.on('SIGINT', () => undefined);
    // The primary is gone (killed): nobody else will stop this worker.
    process.once('disconnect', stop);
  } catch (err) {
    const e = listenError(err, settings);
    process.send?.({ error: e instanceof Error ? e.message : String(e) });
    await close?.().catch(() => undefined);
    process.exit(1);
  }
}
