import { text, type Lang } from '../../i18n/translate.ts';
import type { Purpose } from './flow.ts';

/** The mail after a reset or an activation: which account, and that every session ended. */
export function passwordChangedMessage(username: string, purpose: Purpose, lang: Lang = 'zh-TW') {
  return {
    subject: text(lang, purpose === 'reset' ? 'recovery.notice.subject.reset' : 'recovery.notice.subject.activation'),
    text: text(lang, 'recovery.notice.text', { username }),
  };
}
