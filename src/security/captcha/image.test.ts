import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { captchaPng } from './image.ts';

test('captchaPng renders a decodable 120x44 PNG', () => {
  const bytes = captchaPng('407');
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = PNG.sync.read(bytes);
  assert.equal(png.width, 120);
  assert.equal(png.height, 44);
});

test('captchaPng draws dark ink on a grey box', () => {
  const { data } = PNG.sync.read(captchaPng('888'));
  let dark = 0;
  let grey = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i]! < 90) dark++;
    else if (data[i]! >= 190) grey++;
  }
  assert.ok(dark > 150, `dark pixels: ${dark}`);
  assert.ok(grey > data.length / 4 / 2, 'most of the box stays grey');
});

test('captchaPng differs on every call for the same digits', () => {
  const a = captchaPng('123');
  const b = captchaPng('123');
  assert.ok(!a.equals(b));
  assert.ok(!PNG.sync.read(a).data.equals(PNG.sync.read(b).data), 'the pixels differ, not only the encoding');
});

function chunks(png: Buffer): { type: string; body: Buffer }[] {
  const out = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    out.push({ type: png.toString('latin1', at + 4, at + 8), body: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

// The compressed pixels are effectively random bytes and may hold any 3 characters by chance
// ('999' does in about one render in ten), so only the parts outside the pixel stream are searched.
test('captchaPng holds no digits as text', () => {
  for (const digits of ['407', '000', '999']) {
    const parts = chunks(captchaPng(digits));
    assert.deepEqual([...new Set(parts.map((c) => c.type))], ['IHDR', 'IDAT', 'IEND'], 'no tEXt, iTXt or zTXt');
    for (const { type, body } of parts) {
      if (type !== 'IDAT') assert.ok(!body.toString('latin1').includes(digits), type);
    }
  }
});

test('captchaPng rejects anything but three ASCII digits', () => {
  for (const bad of ['', '12', '1234', 'abc', '12a', ' 123', '１２３', '٣٤٥']) {
    assert.throws(() => captchaPng(bad), TypeError, JSON.stringify(bad));
  }
});
