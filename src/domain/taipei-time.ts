const TAIPEI = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Taipei',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const parts = (at: Date) => Object.fromEntries(TAIPEI.formatToParts(at).map((x) => [x.type, x.value]));

/**
 * A moment as people in Taiwan read it (Asia/Taipei, 24-hour clock): `2026/11/25 14:05`, or with
 * `seconds` `2026/11/25 14:05:09`. The same digits in both languages, in pages, mails and records.
 */
export function taipeiTime(at: Date, opts: { seconds?: boolean } = {}): string {
  const p = parts(at);
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}${opts.seconds ? `:${p.second}` : ''}`;
}

/** The day of a moment in Taipei: `2026/11/25`. */
export function taipeiDate(at: Date): string {
  const p = parts(at);
  return `${p.year}/${p.month}/${p.day}`;
}
