/** Texts of smaller pages: the development outbox, class lines, school levels, helpdesk report summaries. */
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
  'report.summary.generic': { 'zh-TW': '申請帳號時遇到問題。', en: 'A problem while applying for an account.' },
  'report.summary.school-not-found': { 'zh-TW': '申請帳號時找不到我的學校。', en: 'My school was not listed when applying for an account.' },
  'report.summary.source-not-found': { 'zh-TW': '申請帳號時，身分驗證查無資料。', en: 'Identity verification found no record when applying for an account.' },
  'report.summary.data-error': { 'zh-TW': '申請帳號時，來源資料與實際不符。', en: 'The source data did not match when applying for an account.' },
  'report.summary.school': { 'zh-TW': '學校：{school}', en: 'School: {school}' },
  'report.summary.chosen': { 'zh-TW': '已選擇：{place}', en: 'Chosen: {place}' },
} satisfies Texts;
