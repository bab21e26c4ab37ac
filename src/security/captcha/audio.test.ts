import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { captchaWav } from './audio.ts';
import { parseWav } from './wav.ts';

function assertPcmWav(wav: Buffer) {
  assert.equal(wav.toString('ascii', 0, 4), 'RIFF');
  assert.equal(wav.readUInt32LE(4), wav.length - 8);
  assert.equal(wav.toString('ascii', 8, 16), 'WAVEfmt ');
  assert.equal(wav.readUInt32LE(16), 16);
  assert.equal(wav.readUInt16LE(20), 1, 'PCM');
  assert.equal(wav.readUInt16LE(22), 1, 'mono');
  assert.equal(wav.readUInt32LE(24), 16000);
  assert.equal(wav.readUInt32LE(28), 16000 * 2, 'byte rate');
  assert.equal(wav.readUInt16LE(32), 2, 'block align');
  assert.equal(wav.readUInt16LE(34), 16, 'bits per sample');
  assert.equal(wav.toString('ascii', 36, 40), 'data');
  assert.equal(wav.readUInt32LE(40), wav.length - 44);
}

test('captchaWav writes a 16-bit mono PCM WAV in both languages', () => {
  for (const lang of ['zh-TW', 'en'] as const) {
    const wav = captchaWav('123', lang);
    assertPcmWav(wav);
    const { samples } = parseWav(wav);
    assert.ok(samples.length / 16000 > 1.2, `${lang}: three digits with pauses last over 1.2 s`);
    const peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
    assert.ok(peak > 5000, `${lang}: speech is loud above the noise, peak ${peak}`);
  }
  assertPcmWav(captchaWav('456'));
});

test('captchaWav is the three recordings plus pauses, so it grows with longer digits', () => {
  const recorded = (lang: string, digits: string) =>
    [...digits].reduce((n, d) => {
      const file = new URL(`../../../assets/captcha/${lang}/${d}.wav`, import.meta.url);
      return n + parseWav(readFileSync(file)).samples.length;
    }, 0);
  // Pauses: 0.15–0.4 s before the first digit and 0.3–0.6 s after each, at 16 kHz.
  for (const [lang, digits] of [['en', '222'], ['en', '777'], ['zh-TW', '180'], ['zh-TW', '039']] as const) {
    const length = parseWav(captchaWav(digits, lang)).samples.length;
    const speech = recorded(lang, digits);
    assert.ok(length >= speech + 2400 + 3 * 4800 && length < speech + 6400 + 3 * 9600, `${lang} ${digits}: ${length}`);
  }
});

test('captchaWav differs on every call for the same digits', () => {
  assert.ok(!captchaWav('123').equals(captchaWav('123')));
  assert.ok(!captchaWav('123', 'en').equals(captchaWav('123', 'en')));
});

test('captchaWav rejects anything but three ASCII digits', () => {
  for (const bad of ['', '12', '1234', 'abc', '１２３']) {
    assert.throws(() => captchaWav(bad), TypeError, JSON.stringify(bad));
  }
});
