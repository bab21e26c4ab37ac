/** Texts of 首次登入設定新密碼 (issue 10): src/flows/first-password. */
import type { Texts } from './texts.ts';

export const firstPasswordMessages = {
  'firstPassword.title': { 'zh-TW': '首次登入：設定新密碼', en: 'First sign-in: set a new password' },
  'firstPassword.lead': {
    'zh-TW': '這個帳號目前使用學校發給的初始密碼。請先輸入初始密碼，再輸入兩次新密碼；設定完成後才能使用各項服務。',
    en: 'This account still uses the initial password your school handed out. Type the initial password, then a new password twice; you can use the services once it is set.',
  },
  'firstPassword.current': { 'zh-TW': '初始密碼', en: 'Initial password' },
  'firstPassword.currentHint': { 'zh-TW': '印在學校發給的密碼單上。', en: 'Printed on the password sheet from your school.' },
  'firstPassword.submit': { 'zh-TW': '設定新密碼', en: 'Set new password' },
} satisfies Texts;
