/** Texts of 帳號管理's self-help: 忘記帳號 by identity number (SPEC 伍.2) and 聯絡我們 (壹拾壹). */
import type { Texts } from './texts.ts';

export const contactMessages = {
  'menu.activate': { 'zh-TW': '啟用帳號', en: 'Activate account' },
  'menu.contact': { 'zh-TW': '聯絡我們', en: 'Contact us' },
  'forgotAccount.byCounty': { 'zh-TW': '使用縣市帳號查詢', en: 'Look up with a county account' },
  'forgotAccount.byId': { 'zh-TW': '使用身分證字號／居留證號查詢／其他身份 ID 查詢', en: 'Look up with a national ID, resident certificate or other ID number' },
  'forgotAccount.choose': { 'zh-TW': '請選擇查詢方式', en: 'Choose how to look up your account' },
  'forgotAccount.idNumber': { 'zh-TW': '身分證字號／居留證號／其他身份 ID', en: 'National ID / resident certificate / other ID number' },
  'forgotAccount.submit': { 'zh-TW': '帳號取得', en: 'Get my account' },
  'forgotAccount.result': { 'zh-TW': '您的教育雲端帳號為：', en: 'Your Education Cloud account is:' },
  'forgotAccount.maskedHint': {
    'zh-TW': '為保護您的帳號，僅顯示部分帳號；完整帳號已寄至您的備用電子郵件信箱。',
    en: 'To protect your account only part of the name is shown; the full name was sent to your backup email.',
  },
  'forgotAccount.notFound': {
    'zh-TW': '查無對應的教育雲端帳號。若尚未申請，請先申請帳號；若有疑問，請聯絡我們。',
    en: 'No Education Cloud account matches this number. Apply for an account, or contact us if you have questions.',
  },
  'forgotAccount.tooMany': { 'zh-TW': '查詢次數過多，請於 {minutes} 分鐘後再試。', en: 'Too many lookups. Try again in {minutes} minutes.' },
  'forgotAccount.captchaWrong': { 'zh-TW': '驗證碼錯誤，請重新輸入。', en: 'The captcha is wrong. Try again.' },
  'forgotAccount.mail.subject': { 'zh-TW': '教育雲端帳號查詢通知', en: 'Your Education Cloud account was looked up' },
  'forgotAccount.mail.text': {
    'zh-TW': '您好：\n\n有人於 {time} 使用您的身分證字號／居留證號查詢了教育雲端帳號。\n若這不是您本人，請聯絡我們。',
    en: 'Hello,\n\nSomeone looked up your Education Cloud account with your identity number at {time}.\nIf this was not you, please contact us.',
  },
  'forgotAccount.mail.full': { 'zh-TW': '您的教育雲端帳號為：{username}', en: 'Your Education Cloud account is: {username}' },
  'county.noneConfigured': { 'zh-TW': '目前尚無縣市開放縣市帳號。', en: 'No county offers county accounts yet.' },
  'county.useOther.forgot-account': { 'zh-TW': '改用身分證字號／居留證號查詢', en: 'Look up with an identity number instead' },
  'county.useOther.reset-password': { 'zh-TW': '改用傳送驗證碼重設', en: 'Reset with a verification code instead' },
  'county.useOther.login': { 'zh-TW': '改用教育雲端帳號登入', en: 'Sign in with the Education Cloud account instead' },
  'county.useOther.register': { 'zh-TW': '改用姓名、身分證字號與生日驗證', en: 'Verify with name, ID number and birthday instead' },
} satisfies Texts;
