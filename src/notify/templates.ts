import type { MessageKey } from '../i18n/catalog.ts';
import { text, type Lang } from '../i18n/translate.ts';

const purposes = { registration: 'code.purpose.registration', reset: 'code.purpose.reset', activation: 'code.purpose.activation', contacts: 'code.purpose.contacts' } as const;

/** The 6-digit code message: the mail text, and an SMS short enough for one message. Nothing else personal in either. */
export function verificationCodeMessage(code: string, minutes: number, purpose: keyof typeof purposes, lang: Lang = 'zh-TW') {
  const what = text(lang, purposes[purpose]);
  const t = (key: MessageKey) => text(lang, key, { what, code, minutes });
  return {
    subject: t('code.mail.subject'),
    text: [t('code.mail.greeting'), '', t('code.mail.code'), t('code.mail.expiry'), '', t('code.mail.notYou'), t('code.mail.signature')].join('\n'),
    sms: t('code.sms'),
  };
}
