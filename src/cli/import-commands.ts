import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Services } from '../app/compose.ts';
import { translator } from '../i18n/translate.ts';
import { CliError, printResult } from './output.ts';
import { str, type Flags } from './flags.ts';

const describeErrors = (errors: { line: number; field: string; reason: string }[]) =>
  errors.slice(0, 50).map((e) => `  line ${e.line}, ${e.field}: ${e.reason}`).join('\n') + (errors.length > 50 ? `\n  … and ${errors.length - 50} more` : '');

export async function importSchools(s: Services, f: Flags, json: boolean, file: string | undefined) {
  if (!file) throw new CliError('give the file: edusso import schools FILE [--level 國中]');
  const level = str(f, 'level');
  const r = await s.importer.schools(file, { level, skipInvalid: f['skip-invalid'] === true });
  if (!r.applied) {
    if (json) printResult(true, r, '');
    throw new CliError(`${r.errors.length} invalid row(s); nothing was imported (use --skip-invalid to import the rest):\n${describeErrors(r.errors)}`, 1);
  }
  printResult(json, r, `schools: ${r.inserted} new, ${r.updated} updated${r.errors.length ? `, ${r.errors.length} invalid row(s) skipped:\n${describeErrors(r.errors)}` : ''}`);
}

export async function importPeopleCommand(s: Services, f: Flags, json: boolean, file: string | undefined) {
  if (!file) throw new CliError('give the file: edusso import people FILE [--skip-invalid]');
  const started = performance.now();
  const r = await s.importer.people(file, { skipInvalid: f['skip-invalid'] === true, describe: translator('en') });
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  if (!r.applied) {
    if (json) printResult(true, { ...r, seconds }, '');
    throw new CliError(`${r.errors.length} invalid row(s); nothing was imported (use --skip-invalid to import the rest):\n${describeErrors(r.errors)}`, 1);
  }
  const summary = `${r.rows} rows → ${r.people} people: ${r.inserted} new, ${r.updated} updated in ${seconds} s`;
  printResult(json, { ...r, seconds }, r.errors.length ? `${summary}; ${r.errors.length} invalid row(s) skipped:\n${describeErrors(r.errors)}` : summary);
}

/** `edusso demo people [--out FILE] [--students] [--seed N] [--import]` */
export async function demoPeople(s: Services, f: Flags, json: boolean) {
  const seedText = str(f, 'seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) throw new CliError('--seed must be an integer');
  const lines = await s.importer.demoPeople({ seed, students: f.students === true });
  if (f.import === true) {
    const r = await s.importer.peopleText([...lines].join('\n'));
    printResult(json, r, `imported ${r.rows} generated rows → ${r.people} people (${r.inserted} new, ${r.updated} updated)`);
    return;
  }
  const file = str(f, 'out');
  const out = file ? createWriteStream(file) : process.stdout;
  let rows = -1;
  for (const line of lines) {
    rows++;
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
    printResult(json, { rows, file }, `wrote ${rows} rows to ${file}`);
  }
}
