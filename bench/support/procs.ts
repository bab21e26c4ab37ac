// What /proc says about the processes of a running service: resident memory and CPU time of the
// service's node processes (primary and workers) and of every process of its embedded PostgreSQL.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TICK_MS = 10; // CLK_TCK is 100 on Linux

export interface ProcInfo {
  pid: number;
  ppid: number;
  /** What the process is: "node primary", "node worker", "postgres: checkpointer", … */
  role: string;
  /** VmRSS, KiB. */
  rssKb: number;
  /** VmHWM (peak resident), KiB. */
  hwmKb: number;
  /** RssShmem, KiB: shared memory (PostgreSQL's shared buffers) counted in every process that touched it. */
  shmemKb: number;
  /** Proportional set size, KiB: shared pages divided among their users, so these sum honestly. */
  pssKb: number;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** ppid and CPU time (user + system, ms) of a process, or undefined when it is gone. */
export function stat(pid: number): { ppid: number; cpuMs: number } | undefined {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return undefined;
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), cpuMs: (Number(f[11]) + Number(f[12])) * TICK_MS };
}

export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    if (stat(Number(name))?.ppid === pid) out.push(Number(name));
  }
  return out;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The embedded server's postmaster: the first line of DATA_DIR/pg/postmaster.pid, if it runs. */
export function postmasterOf(dataDir: string): number | undefined {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(read(file)?.split('\n')[0]);
  return pid && alive(pid) ? pid : undefined;
}

function statusKb(status: string, key: string): number {
  return Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
}

export function memory(pid: number, role: string): ProcInfo | undefined {
  const status = read(`/proc/${pid}/status`);
  if (!status) return undefined;
  const rollup = read(`/proc/${pid}/smaps_rollup`) ?? '';
  return {
    pid,
    ppid: stat(pid)?.ppid ?? 0,
    role,
    rssKb: statusKb(status, 'VmRSS'),
    hwmKb: statusKb(status, 'VmHWM'),
    shmemKb: statusKb(status, 'RssShmem'),
    pssKb: statusKb(rollup, 'Pss'),
  };
}

function pgRole(pid: number): string {
  const cmd = (read(`/proc/${pid}/cmdline`) ?? '').replace(/\0+/g, ' ').trim();
  // "postgres: edusso edusso [local] idle" → "postgres: backend (edusso)"; "postgres: checkpointer" stays.
  const m = /^postgres: (\S+) (\S+) \[local\]/.exec(cmd);
  if (m) return `postgres: backend ${m[2]}`;
  return cmd.startsWith('postgres:') ? cmd.replace(/\s+$/, '') : 'postgres (postmaster)';
}

/** The pids of a service: its node processes (the primary and its node children) and its PostgreSQL. */
export function serviceProcesses(primary: number, dataDir: string): { node: { pid: number; role: string }[]; pg: { pid: number; role: string }[] } {
  const node = [{ pid: primary, role: 'node primary' }];
  for (const child of childrenOf(primary)) {
    const cmd = read(`/proc/${child}/cmdline`) ?? '';
    if (/node/.test(cmd.split('\0')[0] ?? '')) node.push({ pid: child, role: `node worker` });
  }
  if (node.length === 1) node[0]!.role = 'node (single process)';
  const pg: { pid: number; role: string }[] = [];
  const postmaster = postmasterOf(dataDir);
  if (postmaster) {
    pg.push({ pid: postmaster, role: 'postgres (postmaster)' });
    for (const child of childrenOf(postmaster)) pg.push({ pid: child, role: pgRole(child) });
  }
  return { node, pg };
}

export function cpuMsOf(pids: number[]): number {
  let sum = 0;
  for (const pid of pids) sum += stat(pid)?.cpuMs ?? 0;
  return sum;
}

export function loadAverage(): [number, number, number] {
  const [a, b, c] = (read('/proc/loadavg') ?? '0 0 0').split(' ').map(Number);
  return [a!, b!, c!];
}
