import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseWav, writeWav, type Pcm } from './wav.ts';

export type CaptchaLang = 'zh-TW' | 'en';
const SAMPLE_RATE = 16000;

function loadDigits(lang: CaptchaLang): Pcm[] {
  return Array.from({ length: 10 }, (_, d) => {
    const pcm = parseWav(readFileSync(new URL(`../../../assets/captcha/${lang}/${d}.wav`, import.meta.url)));
    if (pcm.sampleRate !== SAMPLE_RATE) throw new Error(`assets/captcha/${lang}/${d}.wav must be ${SAMPLE_RATE} Hz`);
    return pcm;
  });
}
const recordings: Record<CaptchaLang, Pcm[]> = { 'zh-TW': loadDigits('zh-TW'), en: loadDigits('en') };

/**
 * The digits spoken one by one, with pauses of random length, a random gain per digit and low
 * background noise, so no two files are alike and the recordings cannot be matched byte for byte.
 */
export function captchaWav(digits: string, lang: CaptchaLang = 'zh-TW'): Buffer {
  if (!/^\d{3}$/.test(digits)) throw new TypeError('captcha must be three digits');
  const parts: Int16Array[] = [new Int16Array(randomInt(2400, 6400))];
  for (const d of digits) {
    const gain = 0.75 + randomInt(0, 25) / 100;
    parts.push(recordings[lang][Number(d)]!.samples.map((s) => s * gain));
    parts.push(new Int16Array(randomInt(4800, 9600)));
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const samples = new Int16Array(total);
  let at = 0;
  for (const p of parts) (samples.set(p, at), (at += p.length));
  for (let i = 0; i < total; i++) {
    const noisy = samples[i]! + Math.round((Math.random() - 0.5) * 800);
    samples[i] = Math.max(-32768, Math.min(32767, noisy));
  }
  return writeWav({ sampleRate: SAMPLE_RATE, samples });
}
