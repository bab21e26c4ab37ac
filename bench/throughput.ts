// Throughput and memory of the service, driven as a user runs it: `node src/main.ts serve` in its own
// process on a fresh DATA_DIR, the client and account made with the CLI before it starts, and an
// openid-client relying party on loopback. Each ratio is measured in one run, its two sides in
// alternating slices so the machine's drift hits both alike:
//   - whole sign-ins/s (authorization request → login form with argon2id → code → ID token checked
//     against the JWKS → userinfo) beside argon2id verifications/s at the same cost in this process;
//   - client_credentials tokens/s beside a bare oidc-provider (in-memory adapter) in its own process;
//   - refresh_token grants/s and userinfo/s;
//   - resident memory of every process (node primary and workers, each PostgreSQL process) at start
//     and after the load, and the time of a first start (fresh DATA_DIR) and a warm start.
// Run:  node bench/throughput.ts [--checkout DIR] [--workers N] [--seconds 8] [--concurrency 1,8] [--json]
//   --checkout DIR  the source tree whose src/main.ts runs (default: this repository); an older tree
//                   is measured by the same script, e.g. git worktree add ../before <commit>
//   --workers N     passed to `serve` (omitted: the service's default; trees without --workers: omit)
//   --seconds S     per figure and side (default 8), in --rounds slices (default 4)
//   --cpu-prof DIR  the measured service's node processes write V8 CPU profiles into DIR at stop;
//                   summarise them with node bench/support/profile-summary.ts DIR
//   --no-statements do not count SQL statements per operation (log_statement=all on the embedded
//                   server for a few operations after the load; newer trees only)
//   --pg-set N=V    an experiment: ALTER SYSTEM SET N = V on the embedded server after it starts
//                   (e.g. synchronous_commit=off); repeatable
//   --only LIST     some of signin,cc,refresh,userinfo (default: all)
import { verify, hash } from '@node-rs/argon2';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as oidc from 'openid-client';
import { cpuMsOf, loadAverage, memory, serviceProcesses, type ProcInfo } from './support/procs.ts';
import { discover, signIn } from './support/rp.ts';
import { pgSet, statementCounter, type StatementCount } from './support/statements.ts';
import { checkout, cli, freePort, serviceEnv, startBareProvider, startService } from './support/service.ts';

const { values: opt } = parseArgs({
  allowNegative: true,
  options: {
    statements: { type: 'boolean', default: true },
    checkout: { type: 'string' },
    workers: { type: 'string' },
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    concurrency: { type: 'string' },
    label: { type: 'string' },
    json: { type: 'boolean' },
    keep: { type: 'boolean' },
    'cpu-prof': { type: 'string' },
    only: { type: 'string' },
    'pg-set': { type: 'string', multiple: true },
  },
});
const co = checkout(resolve(opt.checkout ?? join(import.meta.dirname, '..')));
const secondsPerFigure = Number(opt.seconds ?? 8);
const rounds = Number(opt.rounds ?? 4);
const concurrencies = (opt.concurrency ?? '1,8').split(',').map(Number);
const label = opt.label ?? `${co.dir}${opt.workers ? ` --workers ${opt.workers}` : ''}`;
const only = new Set((opt.only ?? 'signin,cc,refresh,userinfo').split(','));
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

// The argon2id cost of src/security/password.ts (OWASP baseline).
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const PASSWORD = 'Bench-pass-2026!x';
const USERNAME = 'benchrunner';
const REDIRECT = 'http://bench.localhost/cb';
const SCOPE = 'openid profile email openid2 eduinfo';

// ---- measuring ------------------------------------------------------------------------------

type CpuGroup = 'service' | 'postgres' | 'bench' | 'bare';
interface Figure {
  name: string;
  concurrency: number;
  ops: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p95ms: number;
  errors: number;
  firstError?: string;
  /** CPU time per operation (ms) by process group, from /proc: where the time goes. */
  cpuMsPerOp: Partial<Record<CpuGroup, number>>;
}

interface Tracker {
  nodePids: number[];
  pgPids: () => number[];
  barePid?: number;
}
let tracker: Tracker = { nodePids: [], pgPids: () => [] };

function cpuNow(): Record<CpuGroup, number> & { pg: Map<number, number> } {
  const pg = new Map<number, number>();
  for (const pid of tracker.pgPids()) pg.set(pid, cpuMsOf([pid]));
  const u = process.cpuUsage();
  return {
    service: cpuMsOf(tracker.nodePids),
    postgres: 0,
    bench: (u.user + u.system) / 1000,
    bare: tracker.barePid ? cpuMsOf([tracker.barePid]) : 0,
    pg,
  };
}
function cpuDelta(a: ReturnType<typeof cpuNow>, b: ReturnType<typeof cpuNow>): Record<CpuGroup, number> {
  let postgres = 0;
  for (const [pid, ms] of b.pg) postgres += ms - (a.pg.get(pid) ?? 0);
  return { service: b.service - a.service, postgres, bench: b.bench - a.bench, bare: b.bare - a.bare };
}

class Acc {
  latencies: number[] = [];
  elapsed = 0;
  errors = 0;
  firstError?: string;
  cpu: Record<CpuGroup, number> = { service: 0, postgres: 0, bench: 0, bare: 0 };
  readonly name: string;
  readonly concurrency: number;
  readonly groups: CpuGroup[];
  constructor(name: string, concurrency: number, groups: CpuGroup[]) {
    this.name = name;
    this.concurrency = concurrency;
    this.groups = groups;
  }
  figure(): Figure {
    const xs = [...this.latencies].sort((a, b) => a - b);
    const at = (p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
    const ops = xs.length;
    return {
      name: this.name,
      concurrency: this.concurrency,
      ops,
      seconds: this.elapsed / 1000,
      perSecond: ops / (this.elapsed / 1000),
      p50ms: at(0.5),
      p95ms: at(0.95),
      errors: this.errors,
      ...(this.firstError ? { firstError: this.firstError } : {}),
      cpuMsPerOp: Object.fromEntries(this.groups.map((g) => [g, ops ? this.cpu[g] / ops : NaN])),
    };
  }
}

/** Runs op with `concurrency` loops for ms milliseconds, adding to acc. */
async function slice(acc: Acc, op: (worker: number) => Promise<unknown>, ms: number) {
  const before = cpuNow();
  const started = performance.now();
  const until = started + ms;
  await Promise.all(
    Array.from({ length: acc.concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          await op(worker);
          acc.latencies.push(performance.now() - t);
        } catch (err) {
          acc.errors++;
          acc.firstError ??= err instanceof Error ? err.message.slice(0, 300) : String(err);
          if (acc.errors > 50) throw new Error(`${acc.name}: too many errors; first: ${acc.firstError}`);
        }
      }
    }),
  );
  acc.elapsed += performance.now() - started;
  const d = cpuDelta(before, cpuNow());
  for (const g of Object.keys(d) as CpuGroup[]) acc.cpu[g] += d[g];
}

const loads: number[] = [];
/** Two operations in alternating slices (A B A B …), the same concurrency and total time each. */
async function pair(a: Acc, opA: (w: number) => Promise<unknown>, b: Acc, opB: (w: number) => Promise<unknown>) {
  const ms = (secondsPerFigure * 1000) / rounds;
  for (let r = 0; r < rounds; r++) {
    await slice(a, opA, ms);
    await slice(b, opB, ms);
    loads.push(loadAverage()[0]);
  }
  return [a.figure(), b.figure()] as const;
}
async function single(a: Acc, op: (w: number) => Promise<unknown>) {
  await slice(a, op, secondsPerFigure * 1000);
  loads.push(loadAverage()[0]);
  return a.figure();
}

// ---- the run ----------------------------------------------------------------------------------

const dataDir = mkdtempSync(join(tmpdir(), 'eb-'));
const port = await freePort();
const env = serviceEnv(dataDir, port);
const issuer = env.ISSUER!;
const loadAtStart = loadAverage();
log(`${label}: DATA_DIR ${dataDir}, port ${port}, load ${loadAtStart.join(' ')}`);

function memorySnapshot(primary: number, extra: { pid: number; role: string }[] = []): ProcInfo[] {
  const { node, pg } = serviceProcesses(primary, dataDir);
  return [...node, ...pg, ...extra].map((p) => memory(p.pid, p.role)).filter((m): m is ProcInfo => !!m);
}

// 1. First start on a fresh DATA_DIR, to ready; then stop.
log('first start (fresh DATA_DIR)…');
const first = await startService(co, env, opt.workers);
const memoryFirstStart = memorySnapshot(first.pid);
const firstStop = await first.stop();

// 2. The bench client, a service client and the account, with the CLI, while the service is stopped.
log('client add / account create…');
const web = await cli(co, env, ['client', 'add', '--name', 'bench', '--redirect-uri', REDIRECT, '--first-party', '--json']);
const svc = await cli(co, env, ['client', 'add', '--name', 'bench-service', '--service', '--scopes', 'openid eduinfo', '--json']);
const acct = await cli(co, env, ['account', 'create', '--account', USERNAME, '--password', PASSWORD, '--name', '測試帳號', '--json']);

// 3. Warm start: the service that is measured.
log('warm start…');
const profEnv = opt['cpu-prof'] ? { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${resolve(opt['cpu-prof'])}`.trim() } : env;
const service = await startService(co, profEnv, opt.workers);
await pgSet(dataDir, opt['pg-set'] ?? []);
const bare = await startBareProvider(co.node);
const procs = serviceProcesses(service.pid, dataDir);
tracker = {
  nodePids: procs.node.map((p) => p.pid),
  pgPids: () => serviceProcesses(service.pid, dataDir).pg.map((p) => p.pid),
  barePid: bare.child.pid,
};
const bareProc = [{ pid: bare.child.pid!, role: 'bare oidc-provider' }];
const memoryAtStart = memorySnapshot(service.pid, bareProc);

let memoryAfterLoad: ProcInfo[] = [];
let warmStop = { ms: NaN, postmasterLeft: false };
const figures: Figure[] = [];
const statements: StatementCount[] = [];
const ratios: { name: string; concurrency: number; ratio: number; of: string }[] = [];
try {
  const config = await discover(issuer, web.result.client_id, web.result.client_secret);
  const credentials = { redirectUri: REDIRECT, username: USERNAME, password: PASSWORD, captcha: '424', scope: SCOPE };
  const argonHash = await hash(PASSWORD, ARGON);
  const svcConfig = await discover(issuer, svc.result.client_id, svc.result.client_secret);
  const bareConfig = await discover(bare.issuer, bare.client_id, bare.client_secret);

  log('warming up…');
  for (let i = 0; i < 3; i++) await signIn(config, credentials);
  for (let i = 0; i < 20; i++) await oidc.clientCredentialsGrant(svcConfig, { scope: 'eduinfo' });
  for (let i = 0; i < 20; i++) await oidc.clientCredentialsGrant(bareConfig, { scope: 'eduinfo' });

  for (const c of only.has('signin') ? concurrencies : []) {
    log(`sign-ins beside argon2id, ${c} at a time…`);
    const [s, a] = await pair(
      new Acc('sign-in (whole, incl. userinfo)', c, ['service', 'postgres', 'bench']),
      () => signIn(config, credentials),
      new Acc('argon2id verify (this process)', c, ['bench']),
      async () => {
        if (!(await verify(argonHash, PASSWORD))) throw new Error('argon2 verify failed');
      },
    );
    figures.push(s, a);
    ratios.push({ name: 'sign-ins / argon2id verifications', concurrency: c, ratio: s.perSecond / a.perSecond, of: `${s.perSecond.toFixed(2)} / ${a.perSecond.toFixed(2)}` });
  }
  for (const c of only.has('cc') ? concurrencies : []) {
    log(`client_credentials beside a bare oidc-provider, ${c} at a time…`);
    const [s, b] = await pair(
      new Acc('client_credentials (service)', c, ['service', 'postgres', 'bench']),
      () => oidc.clientCredentialsGrant(svcConfig, { scope: 'eduinfo' }),
      new Acc('client_credentials (bare oidc-provider)', c, ['bare', 'bench']),
      () => oidc.clientCredentialsGrant(bareConfig, { scope: 'eduinfo' }),
    );
    figures.push(s, b);
    ratios.push({ name: 'client_credentials service / bare', concurrency: c, ratio: s.perSecond / b.perSecond, of: `${s.perSecond.toFixed(1)} / ${b.perSecond.toFixed(1)}` });
  }
  // One signed-in session per concurrent loop for refresh and userinfo.
  const sessions: { refresh: string; access: string; sub: string }[] = [];
  for (let i = 0; i < Math.max(...concurrencies); i++) {
    const { tokens, sub } = await signIn(config, credentials);
    sessions.push({ refresh: tokens.refresh_token!, access: tokens.access_token, sub });
  }
  for (const c of only.has('refresh') ? concurrencies : []) {
    log(`refresh_token, ${c} at a time…`);
    figures.push(
      await single(new Acc('refresh_token grant', c, ['service', 'postgres', 'bench']), async (w) => {
        const t = await oidc.refreshTokenGrant(config, sessions[w]!.refresh);
        if (t.refresh_token) sessions[w]!.refresh = t.refresh_token;
      }),
    );
  }
  for (const c of only.has('userinfo') ? concurrencies : []) {
    log(`userinfo, ${c} at a time…`);
    figures.push(await single(new Acc('userinfo', c, ['service', 'postgres', 'bench']), (w) => oidc.fetchUserInfo(config, sessions[w]!.access, sessions[w]!.sub)));
  }
  memoryAfterLoad = memorySnapshot(service.pid, bareProc);
  const counter = opt.statements ? await statementCounter(dataDir) : undefined;
  if (counter) {
    log('counting SQL statements per operation…');
    const s = sessions[0]!;
    statements.push(
      await counter.count('sign-in (whole, incl. userinfo)', 10, () => signIn(config, credentials)),
      await counter.count('client_credentials', 20, () => oidc.clientCredentialsGrant(svcConfig, { scope: 'eduinfo' })),
      await counter.count('refresh_token grant', 20, async () => {
        const t = await oidc.refreshTokenGrant(config, s.refresh);
        if (t.refresh_token) s.refresh = t.refresh_token;
      }),
      await counter.count('userinfo', 20, () => oidc.fetchUserInfo(config, s.access, s.sub)),
    );
    await counter.close();
  }
} finally {
  if (!memoryAfterLoad.length) memoryAfterLoad = memorySnapshot(service.pid, bareProc);
  warmStop = await service.stop();
  await bare.stop();
  if (!opt.keep) rmSync(dataDir, { recursive: true, force: true });
}
const loadAtEnd = loadAverage();

// ---- report ----------------------------------------------------------------------------------

const result = {
  label,
  checkout: co.dir,
  workers: opt.workers ?? null,
  pgSet: opt['pg-set'] ?? [],
  date: new Date().toISOString(),
  secondsPerFigure,
  rounds,
  load: { atStart: loadAtStart, atEnd: loadAtEnd, during: { min: Math.min(...loads), max: Math.max(...loads) } },
  starts: {
    firstStartMs: first.readyMs,
    firstStartFirstOutputMs: first.firstOutputMs,
    firstStartOutputLines: first.startOutput.split('\n').filter((l) => l.trim() && !/^\s/.test(l)).slice(0, 12),
    firstStopMs: firstStop.ms,
    warmStartMs: service.readyMs,
    warmStopMs: warmStop.ms,
    postmasterLeftAfterStop: firstStop.postmasterLeft || warmStop.postmasterLeft,
    cliMs: { clientAdd: web.ms, clientAddService: svc.ms, accountCreate: acct.ms },
  },
  figures,
  ratios,
  statements,
  memory: { firstStart: memoryFirstStart, atStart: memoryAtStart, afterLoad: memoryAfterLoad },
};

if (opt.json) {
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} else {
  const out: string[] = [];
  const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const mb = (kb: number) => (kb / 1024).toFixed(0);
  out.push(`== ${label}`);
  out.push(`load average: start ${loadAtStart.join(' ')}, during ${result.load.during.min}–${result.load.during.max}, end ${loadAtEnd.join(' ')}`);
  out.push(
    `first start (fresh DATA_DIR) ${(first.readyMs / 1000).toFixed(1)} s to ready (first output at ${(first.firstOutputMs / 1000).toFixed(1)} s), ` +
      `warm start ${(service.readyMs / 1000).toFixed(1)} s; stop ${(firstStop.ms / 1000).toFixed(1)} s / ${(warmStop.ms / 1000).toFixed(1)} s` +
      `; CLI client add ${(web.ms / 1000).toFixed(1)} s, account create ${(acct.ms / 1000).toFixed(1)} s` +
      (result.starts.postmasterLeftAfterStop ? '; NOTE: the embedded postmaster outlived the service' : ''),
  );
  out.push('');
  out.push(`${'figure'.padEnd(42)} ${'conc'.padStart(4)} ${'ops'.padStart(6)} ${'per s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  cpu ms/op (service · postgres · bench | bare)`);
  for (const f of figures) {
    const cpu = (['service', 'postgres', 'bench', 'bare'] as CpuGroup[]).filter((g) => g in f.cpuMsPerOp).map((g) => `${g} ${f1(f.cpuMsPerOp[g]!)}`).join(' · ');
    out.push(
      `${f.name.padEnd(42)} ${String(f.concurrency).padStart(4)} ${String(f.ops).padStart(6)} ${f1(f.perSecond).padStart(8)} ${f1(f.p50ms).padStart(8)} ${f1(f.p95ms).padStart(8)}  ${cpu}` +
        (f.errors ? `  ERRORS ${f.errors}: ${f.firstError}` : ''),
    );
  }
  out.push('');
  for (const r of ratios) out.push(`ratio ${r.name}, ${r.concurrency} at a time: ${r.ratio.toFixed(3)}  (${r.of})`);
  out.push('');
  for (const st of statements) {
    out.push(`SQL statements per ${st.name}: ${st.statementsPerOp.toFixed(1)} (over ${st.ops})`);
    for (const t of st.top.slice(0, 8)) out.push(`    ${t.perOp.toFixed(1).padStart(5)}  ${t.statement}`);
  }
  if (statements.length) out.push('');
  out.push(`memory (MB)                                       ${'RSS start'.padStart(10)} ${'RSS after'.padStart(10)} ${'peak'.padStart(6)} ${'PSS after'.padStart(10)} ${'shmem'.padStart(6)}`);
  const rows = new Map<number, { start?: ProcInfo; after?: ProcInfo }>();
  for (const m of memoryAtStart) rows.set(m.pid, { start: m });
  for (const m of memoryAfterLoad) rows.set(m.pid, { ...rows.get(m.pid), after: m });
  let rssStart = 0;
  let rssAfter = 0;
  let pssAfter = 0;
  const order = (m: ProcInfo) => (m.role.startsWith('node') ? 0 : m.role.startsWith('bare') ? 2 : 1);
  const sorted = [...rows].sort(([pa, a], [pb, b]) => order((a.after ?? a.start)!) - order((b.after ?? b.start)!) || pa - pb);
  for (const [pid, { start, after }] of sorted) {
    const m = after ?? start!;
    if (m.role !== 'bare oidc-provider') {
      rssStart += start?.rssKb ?? 0;
      rssAfter += after?.rssKb ?? 0;
      pssAfter += after?.pssKb ?? 0;
    }
    out.push(
      `  ${`${m.role} [${pid}]`.padEnd(48)} ${(start ? mb(start.rssKb) : '–').padStart(10)} ${(after ? mb(after.rssKb) : '–').padStart(10)} ${mb(m.hwmKb).padStart(6)} ${(after ? mb(after.pssKb) : '–').padStart(10)} ${mb(m.shmemKb).padStart(6)}`,
    );
  }
  out.push(`  ${'service total (excl. bare)'.padEnd(48)} ${mb(rssStart).padStart(10)} ${mb(rssAfter).padStart(10)} ${''.padStart(6)} ${mb(pssAfter).padStart(10)}`);
  out.push(`  (RSS counts PostgreSQL's shared memory in every process that touched it; PSS divides it, so PSS sums honestly)`);
  process.stdout.write(out.join('\n') + '\n');
}
process.exit(0);
