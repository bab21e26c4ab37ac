/** Texts of 參 查閱個人資料 and its 「修改備用電子郵件信箱/行動電話」 (issue 9): pages, errors and the notice mail. */
import type { Texts } from './texts.ts';

export const contactsMessages = {
  'contacts.title': { 'zh-TW': '修改備用電子郵件信箱/行動電話', en: 'Change backup email / mobile phone' },
  'contacts.lead': { 'zh-TW': '若想修改您的備用電子郵件或行動電話，請點選「修改備用電子郵件信箱/行動電話」按鈕', en: 'To change your backup email or mobile phone, press “Change backup email / mobile phone”.' },
  'contacts.email': { 'zh-TW': '電子郵件信箱', en: 'Email address' },
  'contacts.emailHint': { 'zh-TW': '輸入您常用的「電子郵件信箱」（*備註：當您忘記密碼時，可使用此電子信箱收取驗證信）', en: 'The email address you use most (if you forget your password, the verification mail is sent here).' },
  'contacts.mobile': { 'zh-TW': '行動電話', en: 'Mobile phone' },
  'contacts.mobileHint': {
    'zh-TW': '輸入您可以接收簡訊的「行動電話」（*備註：當您忘記密碼時，可使用此行動電話收取驗證簡訊）；留空則刪除行動電話。',
    en: 'A mobile number that can receive text messages (if you forget your password, the verification SMS is sent here). Leave it empty to remove it.',
  },
  'contacts.codesWillBeSent': {
    'zh-TW': '按「儲存變更」後，驗證碼會傳送至新的電子郵件信箱或行動電話；驗證完成後才會更新資料。',
    en: 'After “Save changes”, a code is sent to the new email address or mobile phone; nothing changes until it is verified.',
  },
  'contacts.save': { 'zh-TW': '儲存變更', en: 'Save changes' },
  'contacts.cancel': { 'zh-TW': '取消', en: 'Cancel' },
  'contacts.unchanged': { 'zh-TW': '資料沒有變更。', en: 'Nothing was changed.' },
  'contacts.tooMany': { 'zh-TW': '傳送驗證碼次數過多，請明天再試，或聯絡我們。', en: 'Too many codes were requested. Please try again tomorrow, or contact us.' },
  'contacts.codesLead': {
    'zh-TW': '6 位數驗證碼已傳送至新的電子郵件信箱與行動電話，10 分鐘內有效。全部驗證完成後才會更新資料。',
    en: 'A 6-digit code was sent to the new email address and mobile phone; it is valid for 10 minutes. Your data changes only when every code is verified.',
  },
  'contacts.emailCode': { 'zh-TW': '電子郵件驗證碼（{to}）', en: 'Email code ({to})' },
  'contacts.smsCode': { 'zh-TW': '簡訊驗證碼（{to}）', en: 'SMS code ({to})' },
  'contacts.verify': { 'zh-TW': '開始驗證', en: 'Verify' },
  'contacts.resend': { 'zh-TW': '重新傳送驗證碼', en: 'Send the codes again' },
  'contacts.wait': { 'zh-TW': '請於 {seconds} 秒後再傳送驗證碼。', en: 'You can send the codes again in {seconds} seconds.' },
  'contacts.resent': { 'zh-TW': '新的驗證碼已傳送，先前的驗證碼已失效。', en: 'New codes were sent; the previous ones no longer work.' },
  'contacts.codesLocked': { 'zh-TW': '驗證碼錯誤次數過多，請明天再試，或聯絡我們。', en: 'Too many wrong codes. Please try again tomorrow, or contact us.' },
  'contacts.done': { 'zh-TW': '資料更新成功', en: 'Your data was updated.' },
  'contacts.ok': { 'zh-TW': '確定', en: 'OK' },
  'code.purpose.contacts': { 'zh-TW': '變更備用電子郵件信箱/行動電話', en: 'backup email / mobile change' },
  'contacts.notice.subject': { 'zh-TW': '【教育雲端帳號】備用電子郵件信箱/行動電話已變更', en: '[Education Cloud account] Your backup email / mobile phone was changed' },
  'contacts.notice.text': {
    'zh-TW': '您好：\n\n您的教育雲端帳號 {username} 的備用聯絡資料已變更：\n{changes}\n\n如果這不是您本人的操作，請立即使用「忘記密碼」重設密碼，並聯絡我們。\n\n教育體系單一簽入服務',
    en: 'Hello,\n\nThe backup contact details of your Education Cloud account {username} were changed:\n{changes}\n\nIf this was not you, reset your password with “Forgot password” now and contact us.\n\nEducation Single Sign-On',
  },
  'contacts.notice.email': { 'zh-TW': '電子郵件信箱：{from} → {to}', en: 'Email: {from} → {to}' },
  'contacts.notice.mobile': { 'zh-TW': '行動電話：{from} → {to}', en: 'Mobile phone: {from} → {to}' },
  'contacts.notice.none': { 'zh-TW': '（無）', en: '(none)' },
} satisfies Texts;
