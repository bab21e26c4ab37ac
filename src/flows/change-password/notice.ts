import { taipeiTime } from '../../domain/taipei-time.ts';
import { text, type Lang } from '../../i18n/translate.ts';

/** The mail after 修改密碼: which account, when, and whether the other devices were signed out. */
export function passwordChangedNotice(username: string, at: Date, othersEnded: boolean, lang: Lang) {
  return {
    subject: text(lang, 'changePassword.notice.subject'),
    text: text(lang, 'changePassword.notice.text', { username, time: taipeiTime(at), others: othersEnded ? text(lang, 'changePassword.notice.othersEnded') : '' }),
  };
}
