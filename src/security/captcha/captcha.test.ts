import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { captchaWav } from './audio.ts';
import { captchaPng } from './image.ts';
import { parseWav } from './wav.ts';

test('the picture is a PNG of the grey box, different every time, with no digits as text', () => {
  const a = captchaPng('407');
  const b = captchaPng('407');
  const png = PNG.sync.read(a);
  assert.equal(png.width, 120);
  assert.equal(png.height, 44);
  assert.ok(!a.equals(b));
  assert.ok(!a.toString('latin1').includes('407'));
  // Ink was drawn: some pixels are much darker than the grey background.
  let dark = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 90) dark++;
  assert.ok(dark > 150, `dark pixels: ${dark}`);
  assert.throws(() => captchaPng('12'), TypeError);
  assert.throws(() => captchaPng('abc'), TypeError);
});

test('the audio is a valid WAV of the spoken digits, different every time, in both languages', () => {
  const a = captchaWav('123');
  const b = captchaWav('123');
  assert.ok(!a.equals(b));
  const pcm = parseWav(a);
  assert.equal(pcm.sampleRate, 16000);
  assert.equal(a.readUInt32LE(4), a.length - 8);
  assert.equal(a.readUInt32LE(40), pcm.samples.length * 2);
  assert.ok(pcm.samples.length / 16000 > 1.5, 'three digits with pauses last more than 1.5 s');
  const en = parseWav(captchaWav('123', 'en'));
  assert.ok(en.samples.length > 16000);
  // Speech is loud compared with the background noise.
  const peak = pcm.samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
  assert.ok(peak > 5000, `peak ${peak}`);
  assert.throws(() => captchaWav('1234'), TypeError);
});
