/** Texts for the domain rules' message keys, zh-TW first. */
export const domainMessages: Record<string, { 'zh-TW': string; en: string }> = {
  'account.tooShort': { 'zh-TW': '帳號至少需要 6 個字元。', en: 'The account name needs at least 6 characters.' },
  'account.tooLong': { 'zh-TW': '帳號最多 20 個字元。', en: 'The account name can have at most 20 characters.' },
  'account.start': { 'zh-TW': '帳號必須以半形小寫英文字母開頭。', en: 'The account name must start with a lowercase letter.' },
  'account.characters': {
    'zh-TW': '帳號只能使用半形小寫英文字母、數字、「_」與「.」。',
    en: 'The account name may only use lowercase letters, digits, “_” and “.”.',
  },
  'account.reserved': { 'zh-TW': '這個帳號名稱保留給系統使用，請換一個。', en: 'This account name is reserved. Please choose another.' },
  'account.otherDomain': {
    'zh-TW': '請輸入教育雲端帳號（只需輸入「@」之前的部分）。',
    en: 'Enter your Education Cloud account (only the part before “@”).',
  },
  'password.tooShort': { 'zh-TW': '密碼至少需要 8 個字元。', en: 'The password needs at least 8 characters.' },
  'password.tooLong': { 'zh-TW': '密碼最多 20 個字元。', en: 'The password can have at most 20 characters.' },
  'password.classes': {
    'zh-TW': '密碼需包含英文大寫、英文小寫、數字、特殊符號其中至少三種。',
    en: 'The password needs at least three of: upper case, lower case, digits, special characters.',
  },
  'password.common': { 'zh-TW': '這個密碼太常見，容易被猜中，請換一個。', en: 'This password is too common and easy to guess.' },
  'password.containsAccount': { 'zh-TW': '密碼不可包含帳號。', en: 'The password must not contain the account name.' },
  'password.containsIdNumber': { 'zh-TW': '密碼不可包含身分證字號或居留證號。', en: 'The password must not contain your ID number.' },
  'password.containsBirthday': { 'zh-TW': '密碼不可包含生日。', en: 'The password must not contain your birthday.' },
  'password.mismatch': { 'zh-TW': '兩次輸入的密碼不一致。', en: 'The two passwords do not match.' },
};
