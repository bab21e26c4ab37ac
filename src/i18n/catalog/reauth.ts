/** Texts of the password asked again before a sensitive change (issue 9, `/account/confirm`). */
import type { Texts } from './texts.ts';

export const reauthMessages = {
  'reauth.title': { 'zh-TW': '確認密碼', en: 'Confirm your password' },
  'reauth.lead': { 'zh-TW': '為保護您的帳號，請再次輸入教育雲端帳號的密碼。', en: 'To protect your account, enter your Education Cloud password again.' },
  'reauth.leadCode': {
    'zh-TW': '為保護您的帳號，請再次輸入教育雲端帳號的密碼，以及驗證 APP 上目前的驗證碼（或一組備用代碼）。',
    en: 'To protect your account, enter your Education Cloud password again, and the current code of the authenticator app (or a recovery code).',
  },
  'reauth.account': { 'zh-TW': '教育雲端帳號', en: 'Education Cloud account' },
  'reauth.password': { 'zh-TW': '密碼', en: 'Password' },
  'reauth.code': { 'zh-TW': '驗證碼或備用代碼', en: 'Code or recovery code' },
  'reauth.codeHint': { 'zh-TW': '驗證 APP 上目前顯示的 6 位數字，或一組未使用的備用代碼', en: 'The 6 digits the authenticator app shows now, or an unused recovery code' },
  'reauth.confirm': { 'zh-TW': '確認', en: 'Confirm' },
  'reauth.cancel': { 'zh-TW': '取消', en: 'Cancel' },
  'reauth.passwordMissing': { 'zh-TW': '請輸入密碼。', en: 'Enter your password.' },
  'reauth.codeMissing': { 'zh-TW': '請輸入驗證碼或備用代碼。', en: 'Enter the code or a recovery code.' },
  'reauth.passwordWrong': { 'zh-TW': '密碼錯誤，請重新輸入。', en: 'The password is wrong. Please try again.' },
  'reauth.tooMany': { 'zh-TW': '密碼錯誤次數過多，請於 {minutes} 分鐘後再試。', en: 'Too many wrong passwords. Try again in {minutes} minutes.' },
} satisfies Texts;
