/** Texts of 通行金鑰 (passkeys): management under 雙因子認證綁定 and passwordless sign-in (issue 9, beyond the manual). */
import type { Texts } from './texts.ts';

export const passkeyMessages = {
  'passkey.title': { 'zh-TW': '通行金鑰', en: 'Passkeys' },
  'passkey.intro': {
    'zh-TW': '通行金鑰讓您以裝置的指紋、臉部辨識或螢幕鎖登入教育雲端帳號，不必輸入密碼，也可作為第二道驗證。',
    en: 'A passkey lets you sign in to your Education Cloud account with your device’s fingerprint, face or screen lock instead of a password, and can serve as a second factor.',
  },
  'passkey.none': { 'zh-TW': '尚未新增通行金鑰。', en: 'You have not added a passkey yet.' },
  'passkey.list': { 'zh-TW': '已新增的通行金鑰', en: 'Your passkeys' },
  'passkey.created': { 'zh-TW': '新增時間', en: 'Added' },
  'passkey.lastUsed': { 'zh-TW': '最後使用時間', en: 'Last used' },
  'passkey.neverUsed': { 'zh-TW': '尚未使用', en: 'Not used yet' },
  'passkey.remove': { 'zh-TW': '移除', en: 'Remove' },
  'passkey.removeNamed': { 'zh-TW': '移除「{name}」', en: 'Remove “{name}”' },
  'passkey.add': { 'zh-TW': '新增通行金鑰', en: 'Add a passkey' },
  'passkey.newName': { 'zh-TW': '通行金鑰名稱（可不填）', en: 'Passkey name (optional)' },
  'passkey.newNameHint': { 'zh-TW': '例如：辦公室電腦、我的手機', en: 'For example: office computer, my phone' },
  'passkey.needsScript': {
    'zh-TW': '新增通行金鑰需要啟用 JavaScript，並使用支援通行金鑰的瀏覽器。',
    en: 'Adding a passkey needs JavaScript and a browser that supports passkeys.',
  },
  'passkey.unsupported': { 'zh-TW': '這個瀏覽器不支援通行金鑰。', en: 'This browser does not support passkeys.' },
  'passkey.working': { 'zh-TW': '請依瀏覽器的提示操作。', en: 'Follow your browser’s prompt.' },
  'passkey.cancelled': { 'zh-TW': '已取消或逾時，沒有使用通行金鑰。', en: 'Cancelled or timed out: no passkey was used.' },
  'passkey.confirmIntro': { 'zh-TW': '為了您的帳號安全，新增通行金鑰前請再次輸入密碼。', en: 'For your account’s safety, enter your password again before adding a passkey.' },
  'passkey.confirm': { 'zh-TW': '確認密碼', en: 'Confirm password' },
  'passkey.passwordMissing': { 'zh-TW': '請輸入密碼。', en: 'Enter your password.' },
  'passkey.passwordWrong': { 'zh-TW': '密碼錯誤，請重新輸入。', en: 'The password is wrong. Please try again.' },
  'passkey.tooMany': { 'zh-TW': '密碼錯誤次數過多，請於 {minutes} 分鐘後再試。', en: 'Too many wrong passwords. Try again in {minutes} minutes.' },
  'passkey.reauth': {
    'zh-TW': '為了您的帳號安全，請重新整理頁面並再次輸入密碼後，再新增通行金鑰。',
    en: 'For your account’s safety, reload the page and enter your password again before adding a passkey.',
  },
  'passkey.removeTitle': { 'zh-TW': '移除通行金鑰', en: 'Remove a passkey' },
  'passkey.removeConfirm': {
    'zh-TW': '確定要移除通行金鑰「{name}」嗎？移除後就不能再用它登入。請輸入密碼確認。',
    en: 'Remove the passkey “{name}”? You will no longer be able to sign in with it. Enter your password to confirm.',
  },
  'passkey.cancel': { 'zh-TW': '取消', en: 'Cancel' },
  'passkey.added': { 'zh-TW': '已新增通行金鑰。', en: 'The passkey was added.' },
  'passkey.removed': { 'zh-TW': '已移除通行金鑰。', en: 'The passkey was removed.' },
  'passkey.notFound': { 'zh-TW': '找不到這個通行金鑰，可能已經移除。', en: 'This passkey was not found; it may have been removed already.' },
  'passkey.invalid': { 'zh-TW': '無法新增這個通行金鑰，請再試一次。', en: 'This passkey could not be added. Please try again.' },
  'passkey.exists': { 'zh-TW': '這個通行金鑰已經新增過了。', en: 'This passkey has already been added.' },
  'passkey.expired': { 'zh-TW': '這次操作已逾時，請再試一次。', en: 'This request timed out. Please try again.' },
  'passkey.signIn': { 'zh-TW': '使用通行金鑰登入', en: 'Sign in with a passkey' },
  'passkey.signInFailed': {
    'zh-TW': '無法以這個通行金鑰登入。請再試一次，或改用帳號密碼登入。',
    en: 'This passkey could not sign you in. Try again, or sign in with your account and password.',
  },
  'passkey.defaultName': { 'zh-TW': '{browser}（{system}）', en: '{browser} on {system}' },
  'passkey.notice.added.subject': { 'zh-TW': '【教育雲端帳號】已新增通行金鑰', en: '[Education Cloud account] A passkey was added' },
  'passkey.notice.added.text': {
    'zh-TW': '您的教育雲端帳號 {username} 於 {time} 新增了通行金鑰「{name}」。\n若不是您本人操作，請立即修改密碼，並至「雙因子認證綁定」移除這個通行金鑰。',
    en: 'A passkey “{name}” was added to your Education Cloud account {username} at {time}.\nIf this was not you, change your password now and remove the passkey under Two-factor authentication.',
  },
  'passkey.notice.removed.subject': { 'zh-TW': '【教育雲端帳號】已移除通行金鑰', en: '[Education Cloud account] A passkey was removed' },
  'passkey.notice.removed.text': {
    'zh-TW': '您的教育雲端帳號 {username} 於 {time} 移除了通行金鑰「{name}」。\n若不是您本人操作，請立即修改密碼。',
    en: 'The passkey “{name}” was removed from your Education Cloud account {username} at {time}.\nIf this was not you, change your password now.',
  },
} satisfies Texts;
