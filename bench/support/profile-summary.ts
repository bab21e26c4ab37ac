// Where a service's main-thread CPU time went: sums the V8 CPU profiles (*.cpuprofile) in a folder,
// written by `node bench/throughput.ts --cpu-prof DIR`, by package and by function (self time).
// Run: node bench/support/profile-summary.ts DIR [--top 25]
// argon2id runs on libuv's thread pool, not the main thread: it is not in these profiles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string' } } });
const dir = positionals[0];
if (!dir) throw new Error('usage: profile-summary.ts DIR');
const top = Number(values.top ?? 25);

function packageOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  if (url.startsWith('node:')) return 'node: internals';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const src = /\/(src|bench|test)\/(.*)$/.exec(url);
  if (src) return `${src[1]}/${src[2]!.split('/').slice(0, src[1] === 'src' ? 1 : 2).join('/')}`;
  return url;
}

const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
for (const file of files) {
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  for (let i = 0; i < p.samples.length; i++) {
    const n = nodes.get(p.samples[i]!)!;
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)') continue;
    total += ms;
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const key = `${functionName || '(anonymous)'}  ${url ? `${url.replace(/^file:\/\/.*?\/(node_modules|src)\//, '$1/')}:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
}
const pct = (ms: number) => `${((ms / total) * 100).toFixed(1).padStart(5)} %  ${(ms / 1000).toFixed(2).padStart(7)} s`;
const out = [`${files.length} profiles, ${(total / 1000).toFixed(1)} s of busy main-thread time (idle excluded)`, '', 'by package / folder (self time):'];
for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`  ${pct(v)}  ${k}`);
out.push('', `top ${top} functions (self time):`);
for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`  ${pct(v)}  ${k}`);
process.stdout.write(out.join('\n') + '\n');
