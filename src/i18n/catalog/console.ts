/** Texts of the 帳號管理 console's frame: its menu (SPEC 參, 肆, 捌, 玖, 壹拾). Each page has its own file. */
import type { Texts } from './texts.ts';

export const consoleMessages = {
  'console.menu': { 'zh-TW': '帳號管理選單', en: 'Account management menu' },
  'menu.updateProfile': { 'zh-TW': '更新個人資料', en: 'Update personal data' },
  'menu.password': { 'zh-TW': '修改密碼', en: 'Change password' },
  'menu.sessions': { 'zh-TW': '登入中的裝置', en: 'Signed-in devices' },
  'menu.authorizations': { 'zh-TW': '應用服務授權清單', en: 'Authorized applications' },
  'menu.appLogins': { 'zh-TW': '應用服務登入紀錄', en: 'Application sign-in records' },
  'menu.ipLogins': { 'zh-TW': 'ＩＰ登入紀錄', en: 'IP sign-in records' },
  'menu.twoFactor': { 'zh-TW': '雙因子認證綁定', en: 'Two-factor authentication' },
} satisfies Texts;
