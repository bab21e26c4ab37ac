import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { randomIdNumber } from '../src/domain/national-id.ts';
import type { Db } from '../src/storage/db.ts';
import { openTestDb } from './support/postgres.ts';
import { pdfPagesText } from './support/pdf-text.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'edusso-cli-students-'));
let env: Record<string, string> = {};
function edusso(...args: string[]) {
  return new Promise<{ code: number; out: string; err: string }>((resolve) => {
    execFile(process.execPath, ['bin/edusso.js', ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'development', ...env } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

describe('edusso students provision', () => {
  let db: Db;
  let close: () => Promise<void>;
  before(async () => {
    const opened = await openTestDb('embedded', 'seeded');
    db = opened.db;
    close = opened.close;
    env = { DATABASE_URL: opened.url };
    const csv = join(dataDir, 'people.csv');
    writeFileSync(
      csv,
      [
        'school_code,id_number,name,birthday,identity,titles,class_year,class_semester,class_grade,class_no,class_title',
        `094601,${randomIdNumber()},周同學,2013-02-03,學生,,114,1,7,701,七年一班`,
        `094601,${randomIdNumber()},吳同學,2013-04-05,學生,,114,1,7,701,七年一班`,
        `094601,${randomIdNumber()},鄭同學,2013-06-07,學生,,114,1,7,702,七年二班`,
        `094601,${randomIdNumber()},許老師,1980-01-02,教師,教師,,,,,`,
      ].join('\n'),
    );
    assert.equal((await edusso('import', 'people', csv)).code, 0);
  });
  after(async () => {
    await close?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('creates the class’s accounts, writes the sheet (0600) and prints the batch; a second run creates nothing and exits 1', async () => {
    const out = join(dataDir, 'sheet.pdf');
    const r = await edusso('students', 'provision', '--school', '094601', '--class', '701', '--out', out, '--json');
    assert.equal(r.code, 0, r.err);
    const result = JSON.parse(r.out);
    assert.equal(result.created, 2);
    assert.equal(result.class, '701');
    assert.deepEqual(result.accounts, ['s09460170101', 's09460170102']);
    assert.equal(statSync(out).mode & 0o777, 0o600);
    const text = (await pdfPagesText(readFileSync(out))).join('\n');
    for (const name of ['周同學', '吳同學', ...result.accounts]) assert.ok(text.includes(name), name);
    assert.ok(!text.includes('鄭同學'), 'another class is not on the sheet');
    const rows = await db.query<{ actor: string; account_count: number }>(`SELECT actor, account_count FROM provisioning_batches WHERE id = $1`, [result.batch]);
    assert.deepEqual(rows, [{ actor: 'cli', account_count: 2 }]);
    const created = await db.query<{ actor: string }>(`SELECT actor FROM audit_events WHERE type = 'account.created' AND detail->>'via' = 'students.provision'`);
    assert.deepEqual(created.map((e) => e.actor), ['cli', 'cli']);

    const again = await edusso('students', 'provision', '--school', '094601', '--class', '701', '--out', out);
    assert.equal(again.code, 1);
    assert.match(again.err, /No student needs an account/);
  });

  test('refuses without --school and for an unknown school', async () => {
    const none = await edusso('students', 'provision');
    assert.equal(none.code, 2);
    assert.match(none.err, /--school CODE is required/);
    const unknown = await edusso('students', 'provision', '--school', '999999', '--out', join(dataDir, 'x.pdf'));
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /no school with this code/);
  });
});
