/** Mail and SMS texts: the one-time code message (nothing else personal in it). */
import type { Texts } from './texts.ts';

export const notifyMessages = {
  'code.purpose.registration': { 'zh-TW': '申請教育雲端帳號', en: 'Education Cloud account application' },
  'code.purpose.reset': { 'zh-TW': '重設密碼', en: 'password reset' },
  'code.purpose.activation': { 'zh-TW': '啟用教育雲端帳號', en: 'Education Cloud account activation' },
  'code.mail.subject': { 'zh-TW': '【教育雲端帳號】{what}驗證碼', en: '[Education Cloud account] {what} code' },
  'code.mail.greeting': { 'zh-TW': '您好：', en: 'Hello,' },
  'code.mail.code': { 'zh-TW': '您的{what}驗證碼為：{code}', en: 'Your {what} code is: {code}' },
  'code.mail.expiry': {
    'zh-TW': '請於 {minutes} 分鐘內輸入。驗證碼只能使用一次，請勿提供給任何人。',
    en: 'Enter it within {minutes} minutes. It works only once; do not give it to anyone.',
  },
  'code.mail.notYou': { 'zh-TW': '如果這不是您本人的操作，請忽略這封信。', en: 'If this was not you, please ignore this message.' },
  'code.mail.signature': { 'zh-TW': '教育體系單一簽入服務', en: 'Education Single Sign-On' },
  'code.sms': {
    'zh-TW': '【教育雲端帳號】{what}驗證碼 {code}，{minutes} 分鐘內有效，請勿告訴他人。',
    en: '[Education Cloud account] {what} code {code}, valid for {minutes} minutes. Do not share it.',
  },
} satisfies Texts;
