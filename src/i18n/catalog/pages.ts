/** Texts of smaller pages: the development outbox, class lines, names of data values, county default labels, helpdesk report summaries. */
import type { Texts } from './texts.ts';

export const pageMessages = {
  'outbox.title': { 'zh-TW': '開發用信件匣', en: 'Development outbox' },
  'outbox.lead': {
    'zh-TW': '未設定 SMTP / 簡訊閘道時，系統寄出的信件與簡訊顯示在這裡（僅限開發環境）。',
    en: 'Without SMTP or an SMS gateway configured, the mail and SMS the service sends are shown here (development only).',
  },
  'outbox.time': { 'zh-TW': '時間', en: 'Time' },
  'outbox.channel': { 'zh-TW': '管道', en: 'Channel' },
  'outbox.to': { 'zh-TW': '收件者', en: 'To' },
  'outbox.content': { 'zh-TW': '內容', en: 'Content' },
  'outbox.email': { 'zh-TW': '電子郵件', en: 'Email' },
  'outbox.sms': { 'zh-TW': '簡訊', en: 'SMS' },
  'register.classLine': { 'zh-TW': '{year} 學年度第 {semester} 學期 {title}', en: 'School year {year}, semester {semester}: {title}' },
  'level.國小': { 'zh-TW': '國小', en: 'Elementary school' },
  'level.國中': { 'zh-TW': '國中', en: 'Junior high school' },
  'level.高中': { 'zh-TW': '高中', en: 'Senior high school' },
  'level.幼兒園': { 'zh-TW': '幼兒園', en: 'Kindergarten' },
  'level.大專校院': { 'zh-TW': '大專校院', en: 'College or university' },
  'level.特教': { 'zh-TW': '特教', en: 'Special education school' },
  'identity.教師': { 'zh-TW': '教師', en: 'Teacher' },
  'identity.職員': { 'zh-TW': '職員', en: 'Staff' },
  'identity.學生': { 'zh-TW': '學生', en: 'Student' },
  'county.label.login': { 'zh-TW': '教育人員登入', en: 'Sign in as education staff' },
  'county.label.forgotAccount': { 'zh-TW': '使用 SSO 單一認證帳號取得', en: 'Get it with the county SSO account' },
  'county.label.resetPassword': { 'zh-TW': '使用 SSO 單一認證帳號重設密碼', en: 'Reset the password with the county SSO account' },
  'report.summary.school': { 'zh-TW': '學校：{school}', en: 'School: {school}' },
  'report.summary.chosen': { 'zh-TW': '已選擇：{place}', en: 'Chosen: {place}' },
} satisfies Texts;
