import { text, type Lang } from '../../i18n/translate.ts';
import { maskEmail, maskMobile, type Contacts } from './flow.ts';

/** The mail to the old email after a change: what changed, masked, and what to do if it was not them. */
export function contactsChangedMessage(username: string, before: Contacts, after: Contacts, lang: Lang = 'zh-TW') {
  const none = text(lang, 'contacts.notice.none');
  const lines: string[] = [];
  if (before.email !== after.email) lines.push(text(lang, 'contacts.notice.email', { from: maskEmail(before.email) || none, to: maskEmail(after.email) || none }));
  if (before.mobile !== after.mobile) lines.push(text(lang, 'contacts.notice.mobile', { from: maskMobile(before.mobile) || none, to: maskMobile(after.mobile) || none }));
  return {
    subject: text(lang, 'contacts.notice.subject'),
    text: text(lang, 'contacts.notice.text', { username, changes: lines.join('\n') }),
  };
}
