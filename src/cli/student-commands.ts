import { writeFileSync } from 'node:fs';
import { StudentsError } from '../admin/students.ts';
import type { Services } from '../app/compose.ts';
import { text } from '../i18n/translate.ts';
import { str, type Flags } from './flags.ts';
import { CliError, printResult } from './output.ts';

/** `edusso students provision --school CODE [--class 701] [--out sheet.pdf]`: accounts for students without one, and their sheet. */
export async function studentsProvision(s: Services, f: Flags, json: boolean) {
  const school = str(f, 'school');
  if (!school) throw new CliError('--school CODE is required');
  const out = str(f, 'out') ?? `students-${school}.pdf`;
  const r = await s.students.provision('cli', school, str(f, 'class') || undefined).catch((err) => {
    if (err instanceof StudentsError) throw new CliError(text('en', err.key), 1);
    throw err;
  });
  writeFileSync(out, r.sheet, { mode: 0o600 });
  printResult(
    json,
    { batch: r.batch.id, school, class: r.batch.classNo, created: r.accounts.length, accounts: r.accounts.map((a) => a.username), sheet: out },
    `created ${r.accounts.length} student accounts for ${school}; the initial passwords are only in ${out} (print it, then delete it)`,
  );
}
