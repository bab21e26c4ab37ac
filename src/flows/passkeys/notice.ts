import { taipeiTime } from '../../domain/taipei-time.ts';
import { text, type Lang } from '../../i18n/translate.ts';

/** The mail to the owner after a passkey was added or removed: which account, which passkey, when (Asia/Taipei). */
export function passkeyNotice(change: 'added' | 'removed', v: { username: string; name: string; at: Date }, lang: Lang = 'zh-TW') {
  const time = taipeiTime(v.at);
  return {
    subject: text(lang, `passkey.notice.${change}.subject`),
    text: text(lang, `passkey.notice.${change}.text`, { username: v.username, name: v.name, time }),
  };
}
