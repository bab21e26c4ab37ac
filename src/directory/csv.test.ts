import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from './csv.ts';

test('CSV: quoted fields with commas, doubled quotes and newlines keep their first line number', () => {
  assert.deepEqual(parseCsv('a,"b,1","say ""hi"""\n"multi\nline",x,\nlast,row,end'), [
    { line: 1, fields: ['a', 'b,1', 'say "hi"'] },
    { line: 2, fields: ['multi\nline', 'x', ''] },
    { line: 4, fields: ['last', 'row', 'end'] },
  ]);
});

test('CSV: BOM, CRLF, a lone CR, blank lines and a trailing newline', () => {
  assert.deepEqual(parseCsv('\ufeff代碼,名稱\r\n\r\n094601,鎮西\r094602,"斗\r\n六"\r\n'), [
    { line: 1, fields: ['代碼', '名稱'] },
    { line: 3, fields: ['094601', '鎮西'] },
    { line: 4, fields: ['094602', '斗\r\n六'] },
  ]);
});

test('CSV: empty fields, a quoted empty row, spaces kept, quotes inside unquoted fields', () => {
  assert.deepEqual(parseCsv(',,\n""\n a , b \n5"x,y'), [
    { line: 1, fields: ['', '', ''] },
    { line: 2, fields: [''] },
    { line: 3, fields: [' a ', ' b '] },
    { line: 4, fields: ['5"x', 'y'] },
  ]);
});

test('CSV: empty text, and an unclosed quote runs to the end', () => {
  assert.deepEqual(parseCsv(''), []);
  assert.deepEqual(parseCsv('\ufeff'), []);
  assert.deepEqual(parseCsv('a,"b\nc'), [{ line: 1, fields: ['a', 'b\nc'] }]);
});
