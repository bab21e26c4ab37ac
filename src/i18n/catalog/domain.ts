/** Texts for the domain rules' message keys, zh-TW first, in the manual's words. {name} is a parameter. */
import type { Texts } from './texts.ts';

export const domainMessages = {
  'account.required': { 'zh-TW': '請輸入帳號。', en: 'Please enter the account name.' },
  'account.tooShort': { 'zh-TW': '帳號至少需要 6 個字元。', en: 'The account name needs at least 6 characters.' },
  'account.tooLong': { 'zh-TW': '帳號最多 20 個字元。', en: 'The account name can have at most 20 characters.' },
  'account.uppercase': {
    'zh-TW': '帳號只能使用小寫英文字母，請把大寫字母改成小寫。',
    en: 'The account name uses lowercase letters only. Please change the capital letters to lowercase.',
  },
  'account.characters': {
    'zh-TW': '帳號只能使用半形小寫英文字母、數字、「_」與「.」。',
    en: 'The account name may only use lowercase letters, digits, “_” and “.”.',
  },
  'account.start': { 'zh-TW': '帳號必須以半形小寫英文字母開頭。', en: 'The account name must start with a lowercase letter.' },
  'account.reserved': { 'zh-TW': '這個帳號名稱保留給系統使用，請換一個。', en: 'This account name is reserved. Please choose another.' },
  'account.otherDomain': {
    'zh-TW': '請輸入教育雲端帳號，只需輸入「@」之前的部分。',
    en: 'Enter your Education Cloud account; only the part before “@” is needed.',
  },

  'password.tooShort': { 'zh-TW': '密碼至少需要 8 個字元。', en: 'The password needs at least 8 characters.' },
  'password.tooLong': { 'zh-TW': '密碼最多 20 個字元。', en: 'The password can have at most 20 characters.' },
  'password.characters': {
    'zh-TW': '密碼只能使用半形英文字母、數字與符號，不可有空白或全形字（用手機輸入時請特別留意）。',
    en: 'The password may only use half-width letters, digits and symbols, without spaces or full-width characters (take care when typing on a phone).',
  },
  'password.classes': {
    'zh-TW': '密碼需包含英文大寫、英文小寫、數字、特殊符號其中至少三種。',
    en: 'The password needs at least three of: capital letters, lowercase letters, digits, special characters.',
  },
  'password.common': { 'zh-TW': '這個密碼太常見，容易被別人猜中，請換一個。', en: 'This password is too common and easy to guess. Please choose another.' },
  'password.containsAccount': { 'zh-TW': '密碼不可包含帳號。', en: 'The password must not contain the account name.' },
  'password.containsIdNumber': {
    'zh-TW': '密碼不可包含身分證字號、居留證號或其他身分 ID。',
    en: 'The password must not contain your ID or resident certificate number.',
  },
  'password.containsBirthday': {
    'zh-TW': '密碼不可包含生日（例如 19900101、0101 或民國年 790101）。',
    en: 'The password must not contain your birthday (such as 19900101, 0101 or 790101).',
  },
  'password.mismatch': { 'zh-TW': '兩次輸入的密碼不一致。', en: 'The two passwords do not match.' },

  'id.required': { 'zh-TW': '請輸入身分證字號／居留證號／其他身分 ID。', en: 'Please enter your ID number, resident certificate number or other ID.' },
  'id.format': {
    'zh-TW': '身分證字號或居留證號格式不正確，應為 1 個英文字母加 9 個數字（例如 A123456789），或 2 個英文字母加 8 個數字。',
    en: 'The ID or resident certificate number is not in the right form: one letter and nine digits (e.g. A123456789), or two letters and eight digits.',
  },
  'id.checksum': { 'zh-TW': '身分證字號或居留證號有誤，請逐字檢查是否輸入正確。', en: 'This ID number is not valid. Please check each character.' },
  'id.otherTooLong': { 'zh-TW': '其他身分 ID 最多 30 個字元。', en: 'Other IDs can have at most 30 characters.' },

  'birthday.required': { 'zh-TW': '請輸入生日。', en: 'Please enter your birthday.' },
  'birthday.format': { 'zh-TW': '生日請以西元年/月/日輸入，例如 1990/1/31。', en: 'Enter the birthday as year/month/day, e.g. 1990/1/31.' },
  'birthday.slashes': { 'zh-TW': '生日請用「/」分隔年、月、日，例如 1990/1/31。', en: 'Separate year, month and day with “/”, e.g. 1990/1/31.' },
  'birthday.rocYear': { 'zh-TW': '民國 {roc} 年請輸入 {gregorian}', en: 'Please use the Western year: for ROC year {roc} enter {gregorian}' },
  'birthday.invalid': { 'zh-TW': '這個日期不存在，請再確認一次。', en: 'This date does not exist. Please check it.' },
  'birthday.tooOld': { 'zh-TW': '生日不可早於 1900 年。', en: 'The birthday cannot be before 1900.' },
  'birthday.future': { 'zh-TW': '生日不可晚於今天。', en: 'The birthday cannot be in the future.' },

  'mobile.required': { 'zh-TW': '請輸入行動電話。', en: 'Please enter your mobile number.' },
  'mobile.format': { 'zh-TW': '行動電話請輸入 09 開頭的 10 位數字，例如 0912345678。', en: 'Enter a mobile number of 10 digits starting with 09, e.g. 0912345678.' },
  'mobile.landline': {
    'zh-TW': '行動電話請輸入 09 開頭的手機號碼；市話無法接收簡訊驗證碼。',
    en: 'Enter a mobile number starting with 09; a landline cannot receive the text message code.',
  },

  'email.required': { 'zh-TW': '請輸入電子郵件信箱。', en: 'Please enter your email address.' },
  'email.format': { 'zh-TW': '電子郵件信箱格式不正確，例如 name@example.com。', en: 'The email address is not valid, e.g. name@example.com.' },
  'email.tooLong': { 'zh-TW': '電子郵件信箱最多 254 個字元。', en: 'The email address can have at most 254 characters.' },

  'name.required': { 'zh-TW': '請輸入姓名。', en: 'Please enter your name.' },
  'name.tooLong': { 'zh-TW': '姓名最多 50 個字。', en: 'The name can have at most 50 characters.' },
  'name.characters': { 'zh-TW': '姓名含有不能使用的符號（例如 < > { } \\ $）。', en: 'The name contains symbols that cannot be used (such as < > { } \\ $).' },
} satisfies Texts;
