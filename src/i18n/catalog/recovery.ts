/** Texts of 忘記密碼 by code (SPEC 陸.1) and 啟用帳號 (柒): pages, errors and the notice mail. */
import type { Texts } from './texts.ts';

export const recoveryMessages = {
  'recovery.choiceTitle': { 'zh-TW': '忘記密碼', en: 'Forgot password' },
  'recovery.choiceLead': { 'zh-TW': '請選擇重設密碼的方式。', en: 'Choose how to reset your password.' },
  'recovery.byCode': { 'zh-TW': '傳送驗證碼重設', en: 'Reset with a verification code' },
  'recovery.byCounty': { 'zh-TW': '使用縣市帳號重設', en: 'Reset with a county account' },
  'recovery.title.reset': { 'zh-TW': '傳送驗證碼重設', en: 'Reset with a verification code' },
  'recovery.title.activation': { 'zh-TW': '啟用帳號', en: 'Activate your account' },
  'recovery.accountLead': {
    'zh-TW': '請輸入您的教育雲端帳號，驗證碼將傳送至您帳號的電子郵件信箱與手機。',
    en: 'Enter your Education Cloud account. A code will be sent to the email address and the mobile phone of the account.',
  },
  'recovery.account': { 'zh-TW': '教育雲端帳號', en: 'Education Cloud account' },
  'recovery.sendCode': { 'zh-TW': '傳送認證碼', en: 'Send the code' },
  'recovery.codeLead': {
    'zh-TW': '若帳號正確，6 位數驗證碼已傳送至帳號的電子郵件信箱與手機，10 分鐘內有效。',
    en: 'If the account is right, a 6-digit code was sent to its email address and mobile phone. It is valid for 10 minutes.',
  },
  'recovery.code': { 'zh-TW': '驗證碼', en: 'Verification code' },
  'recovery.startVerify': { 'zh-TW': '開始驗證', en: 'Verify' },
  'recovery.resend': { 'zh-TW': '傳送驗證碼', en: 'Send the code again' },
  'recovery.wait': { 'zh-TW': '請於 {seconds} 秒後再傳送驗證碼。', en: 'You can send the code again in {seconds} seconds.' },
  'recovery.resent': { 'zh-TW': '若帳號正確，新的驗證碼已傳送，先前的驗證碼已失效。', en: 'If the account is right, a new code was sent; the previous one no longer works.' },
  'recovery.noCode': { 'zh-TW': '收不到驗證碼，聯絡我們', en: 'No code arrived? Contact us' },
  'recovery.cancel': { 'zh-TW': '取消', en: 'Cancel' },
  'recovery.tooMany': { 'zh-TW': '傳送次數過多，請稍後再試，或聯絡我們。', en: 'Too many codes were requested. Please try later, or contact us.' },
  'recovery.accountLocked': {
    'zh-TW': '驗證碼錯誤次數過多，這個帳號暫時無法以驗證碼重設，請稍後再試或聯絡我們。',
    en: 'Too many wrong codes for this account. Please try again later or contact us.',
  },
  'recovery.resetLead': { 'zh-TW': '請設定新密碼。', en: 'Choose a new password.' },
  'recovery.done.reset': { 'zh-TW': '密碼重設完成，下次登入請使用新密碼。', en: 'Your password was reset. Use the new password next time you sign in.' },
  'recovery.done.activation': { 'zh-TW': '帳號已啟用，下次登入請使用新密碼。', en: 'Your account is active again. Use the new password next time you sign in.' },
  'recovery.forgotAccount': { 'zh-TW': '忘記帳號', en: 'Forgot account' },
  'recovery.login': { 'zh-TW': '登入', en: 'Sign in' },
  'recovery.helpdesk': {
    'zh-TW': '這個帳號已由管理者停用，無法自行啟用，請聯絡客服。',
    en: 'An administrator disabled this account; it cannot be re-activated here. Please contact the helpdesk.',
  },
  'recovery.contact': { 'zh-TW': '聯絡我們', en: 'Contact us' },
  'recovery.expired': { 'zh-TW': '操作已逾時，請重新開始。', en: 'This expired. Please start again.' },
  'recovery.restart': { 'zh-TW': '重新開始', en: 'Start again' },
  'recovery.notice.subject.reset': { 'zh-TW': '【教育雲端帳號】密碼已重設', en: '[Education Cloud account] Your password was reset' },
  'recovery.notice.subject.activation': { 'zh-TW': '【教育雲端帳號】帳號已啟用', en: '[Education Cloud account] Your account was activated' },
  'recovery.notice.text': {
    'zh-TW': '您好：\n\n您的教育雲端帳號 {username} 已以驗證碼設定新密碼，所有裝置與應用服務的登入皆已登出。\n若這不是您本人的操作，請立即聯絡我們。\n\n教育體系單一簽入服務',
    en: 'Hello,\n\nA new password was set for your Education Cloud account {username} with a verification code, and every device and application was signed out.\nIf this was not you, contact us at once.\n\nEducation Single Sign-On',
  },
  'login.disabled': {
    'zh-TW': '您的帳號已停用。請至「帳號管理」→「啟用帳號」以驗證碼啟用帳號。',
    en: 'Your account is disabled. Go to Account management → Activate account to activate it with a verification code.',
  },
  'fed.failed.disabled': {
    'zh-TW': '您的帳號已停用。請至「帳號管理」→「啟用帳號」以驗證碼啟用帳號。',
    en: 'Your account is disabled. Go to Account management → Activate account to activate it with a verification code.',
  },
} satisfies Texts;
