/** A moment as people in Taiwan read it (Asia/Taipei, 24-hour clock), in the page's language: 2026/11/25 14:05. */
export function taipeiTime(at: Date, lang: 'zh-TW' | 'en' = 'zh-TW'): string {
  return at.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-TW', {
    timeZone: 'Asia/Taipei',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).replace(/[\u00a0\u2009\u202f]/g, ' '); // ICU's thin and no-break spaces: plain text in mails and copy-paste
}
