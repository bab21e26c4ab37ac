import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdfPagesText } from '../../../test/support/pdf-text.ts';
import { passwordSheet } from './password-sheet.ts';
import { runsOf, textWidth, writePdf } from './writer.ts';

test('text is split into runs: ASCII in Courier, Chinese in MSung-Light; a character outside the BMP prints as ?', () => {
  assert.deepEqual(runsOf('帳號：s094601 七年'), [
    { font: 'F1', text: '帳號：' },
    { font: 'F2', text: 's094601 ' },
    { font: 'F1', text: '七年' },
  ]);
  assert.deepEqual(runsOf('𠀀a'), [{ font: 'F2', text: '?a' }]);
  assert.equal(textWidth('ab中', 10), 6 + 6 + 10);
});

test('the file has a correct cross-reference table: every offset points at its object', () => {
  const pdf = writePdf([{ items: [{ kind: 'text', x: 10, y: 10, size: 12, text: '測試 (a\\b)' }] }, { items: [] }], { title: '標題' }).toString('latin1');
  assert.ok(pdf.startsWith('%PDF-1.4\n'));
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
  assert.equal(pdf.slice(startxref, startxref + 5), 'xref\n');
  const rows = pdf.slice(startxref).split('\n').slice(3).filter((l) => / 00000 n $/.test(l));
  const size = Number(/\/Size (\d+)/.exec(pdf)![1]);
  assert.equal(rows.length, size - 1);
  rows.forEach((row, i) => assert.ok(pdf.startsWith(`${i + 1} 0 obj\n`, Number(row.slice(0, 10))), `object ${i + 1} at its offset`));
  for (const m of pdf.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = m.index! + m[0].length;
    assert.equal(pdf.slice(start + Number(m[1]), start + Number(m[1]) + 10), '\nendstream', 'the stream length is exact');
  }
  assert.match(pdf, /\/BaseFont \/MSung-Light \/Encoding \/UniCNS-UCS2-H/);
  assert.match(pdf, /\/Registry \(Adobe\) \/Ordering \(CNS1\) \/Supplement 4/);
  assert.match(pdf, /<6E2C8A66> Tj/, '測試 as UTF-16BE hex');
  assert.ok(pdf.includes(String.raw`( \(a\\b\)) Tj`), 'parentheses and backslashes escaped in a Courier string');
});

test('pdf.js reads the sheet back: one block per student, four a page, names, account names and passwords', async () => {
  const entries = Array.from({ length: 5 }, (_, i) => ({
    schoolName: '縣立鎮西國小',
    schoolCode: '094601',
    classTitle: '七年一班',
    number: i + 1,
    name: `陳怡君${'甲乙丙丁戊'[i]}`,
    username: `s09460170${i + 1}`,
    password: `Kp7m-Rt3x${i + 2}`,
  }));
  const pages = await pdfPagesText(passwordSheet(entries, 'https://sso.example.tw/login'));
  assert.equal(pages.length, 2);
  const all = pages.join('\n');
  for (const e of entries) {
    assert.ok(all.includes(e.name), `name ${e.name}`);
    assert.ok(all.includes(e.username), `account ${e.username}`);
    assert.ok(all.includes(e.password), `password ${e.password}`);
  }
  assert.ok(pages[0]!.includes('縣立鎮西國小'));
  assert.ok(pages[0]!.includes('https://sso.example.tw/login'));
  assert.ok(pages[0]!.includes('第一次登入時，系統會要求設定新密碼'));
  assert.ok(!pages[0]!.includes('陳怡君戊') && pages[1]!.includes('陳怡君戊'), 'the fifth student is on the second page');
});
