// Puts several `node bench/throughput.ts --json` results side by side (before/after tables for the README).
// Run: node bench/compare.ts a.json b.json … [--markdown]
// Compare ratios rather than absolute figures: each ratio's two sides ran in one run, alternating.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { markdown: { type: 'boolean' } } });
const runs = positionals.map((f) => ({ file: f, ...JSON.parse(readFileSync(f, 'utf8')) }));
if (!runs.length) throw new Error('usage: compare.ts RESULT.json …');

const rows: string[][] = [];
const head = ['', ...runs.map((r, i) => `${r.label ?? r.file} #${i + 1}`)];
const add = (name: string, cells: string[]) => rows.push([name, ...cells]);
const f = (n: number, d = 1) => (n === undefined || n === null || !Number.isFinite(n) ? '–' : n.toFixed(d));
const mb = (kb: number) => (kb / 1024).toFixed(0);

add('load average during (1-min)', runs.map((r) => `${r.load.during.min}–${r.load.during.max}`));
add('first start to ready, s', runs.map((r) => f(r.starts.firstStartMs / 1000)));
add('  first output after, s', runs.map((r) => f(r.starts.firstStartFirstOutputMs / 1000)));
add('warm start to ready, s', runs.map((r) => f(r.starts.warmStartMs / 1000)));
add('CLI client add (service stopped), s', runs.map((r) => f(r.starts.cliMs.clientAdd / 1000)));
const keys = [...new Set(runs.flatMap((r) => r.figures.map((x: any) => `${x.name}|${x.concurrency}`)))];
for (const k of keys) {
  const [name, c] = k.split('|');
  const fig = (r: any) => r.figures.find((x: any) => x.name === name && String(x.concurrency) === c);
  add(`${name} ×${c}: per s (p50/p95 ms)`, runs.map((r) => {
    const x = fig(r);
    return x ? `${f(x.perSecond)} (${f(x.p50ms, 0)}/${f(x.p95ms, 0)})${x.errors ? ` ERR ${x.errors}` : ''}` : '–';
  }));
  add(`  cpu ms/op svc·pg·bench|bare`, runs.map((r) => {
    const x = fig(r);
    return x ? Object.values(x.cpuMsPerOp as Record<string, number>).map((v) => f(v)).join('·') : '–';
  }));
}
const ratioKeys = [...new Set(runs.flatMap((r) => r.ratios.map((x: any) => `${x.name}|${x.concurrency}`)))];
for (const k of ratioKeys) {
  const [name, c] = k.split('|');
  add(`RATIO ${name} ×${c}`, runs.map((r) => f(r.ratios.find((x: any) => x.name === name && String(x.concurrency) === c)?.ratio, 3)));
}
const stKeys = [...new Set(runs.flatMap((r) => (r.statements ?? []).map((x: any) => x.name)))];
for (const k of stKeys) add(`SQL statements per ${k}`, runs.map((r) => f((r.statements ?? []).find((x: any) => x.name === k)?.statementsPerOp)));
for (const when of ['atStart', 'afterLoad'] as const) {
  const sum = (r: any, pred: (role: string) => boolean, field: string) =>
    (r.memory[when] as any[]).filter((m) => pred(m.role)).reduce((s, m) => s + m[field], 0);
  const isNode = (role: string) => role.startsWith('node');
  const isPg = (role: string) => role.startsWith('postgres');
  add(`RSS ${when}: node processes, MB`, runs.map((r) => {
    const each = (r.memory[when] as any[]).filter((m) => isNode(m.role)).map((m) => mb(m.rssKb));
    return `${mb(sum(r, isNode, 'rssKb'))} (${each.join('+')})`;
  }));
  add(`RSS ${when}: postgres processes (n), MB`, runs.map((r) => `${mb(sum(r, isPg, 'rssKb'))} (${(r.memory[when] as any[]).filter((m) => isPg(m.role)).length})`));
  add(`PSS ${when}: service total, MB`, runs.map((r) => mb(sum(r, (x) => isNode(x) || isPg(x), 'pssKb'))));
  add(`RSS ${when}: bare oidc-provider, MB`, runs.map((r) => mb(sum(r, (x) => x.startsWith('bare'), 'rssKb'))));
}

if (values.markdown) {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log([line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n'));
} else {
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => (r[i] ?? '').length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  '));
}
