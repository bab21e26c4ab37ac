/** Texts of 更新個人資料 (SPEC 肆: a teacher moved school); zh-TW from the manual. */
import type { Texts } from './texts.ts';

export const schoolTransferMessages = {
  'schoolTransfer.title': { 'zh-TW': '更新個人資料', en: 'Update personal data' },
  'schoolTransfer.queryLead': {
    'zh-TW': '輸入您現職的「縣市/行政區/學制/學校單位/身分證字號或居留證號」查詢',
    en: 'Enter the county, district, school level and school where you work now, and your ID or resident certificate number, then search.',
  },
  'schoolTransfer.school': { 'zh-TW': '學校單位', en: 'School' },
  'schoolTransfer.idNumber': { 'zh-TW': '身分證字號或居留證號', en: 'ID or resident certificate number' },
  'schoolTransfer.query': { 'zh-TW': '查詢', en: 'Search' },
  'schoolTransfer.chooseSchool': { 'zh-TW': '請選擇學校單位。', en: 'Choose the school.' },
  'schoolTransfer.idRequired': { 'zh-TW': '請輸入身分證字號或居留證號。', en: 'Enter your ID or resident certificate number.' },
  'schoolTransfer.idInvalid': { 'zh-TW': '身分證字號或居留證號格式不正確。', en: 'This ID or resident certificate number is not valid.' },
  'schoolTransfer.fixFields': { 'zh-TW': '請修正標示的欄位。', en: 'Correct the marked fields.' },
  'schoolTransfer.notFound': {
    'zh-TW': '查無您在此學校單位的來源資料。倘若無顯示現職單位，請洽貴校人事',
    en: 'No source record of you was found at this school. If your current school does not appear, ask your school’s personnel office.',
  },
  'schoolTransfer.contact': { 'zh-TW': '聯絡我們', en: 'Contact us' },
  'schoolTransfer.tooMany': { 'zh-TW': '查詢次數過多，請於 {minutes} 分鐘後再試。', en: 'Too many searches. Try again in {minutes} minutes.' },
  'schoolTransfer.compareLead': {
    'zh-TW': '頁面將顯示您的「目前資料」及「來源資料」，確認無誤後請點選更新',
    en: 'Your current data and the source record are shown below. If the source record is right, choose Update.',
  },
  'schoolTransfer.hrNote': { 'zh-TW': '倘若無顯示現職單位，請洽貴校人事', en: 'If your current school does not appear, ask your school’s personnel office.' },
  'schoolTransfer.compareCaption': { 'zh-TW': '目前資料與來源資料', en: 'Current data and source record' },
  'schoolTransfer.item': { 'zh-TW': '項目', en: 'Item' },
  'schoolTransfer.current': { 'zh-TW': '目前資料', en: 'Current data' },
  'schoolTransfer.source': { 'zh-TW': '來源資料', en: 'Source record' },
  'schoolTransfer.update': { 'zh-TW': '更新', en: 'Update' },
  'schoolTransfer.again': { 'zh-TW': '重新查詢', en: 'Search again' },
  'schoolTransfer.done': { 'zh-TW': '更新成功', en: 'Updated' },
  'schoolTransfer.doneLead': { 'zh-TW': '您的現職學校（單位）已更新為 {school}。', en: 'Your current school is now {school}.' },
  'schoolTransfer.ok': { 'zh-TW': '確定', en: 'OK' },
} satisfies Texts;
