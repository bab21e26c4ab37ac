import { taipeiTime } from '../../domain/taipei-time.ts';
import { text, type Lang } from '../../i18n/translate.ts';
import type { Confirmed } from './flow.ts';

const subject = { enable: 'twoFactor.notice.enabled.subject', regenerate: 'twoFactor.notice.regenerated.subject', remove: 'twoFactor.notice.removed.subject' } as const;

/** The mail after two-factor was turned on, its recovery codes replaced, or it was removed. */
export function twoFactorNotice(username: string, change: Confirmed, lang: Lang, now = new Date()) {
  const time = taipeiTime(now);
  return { subject: text(lang, subject[change]), text: text(lang, 'twoFactor.notice.text', { username, time, change: text(lang, subject[change]) }) };
}
