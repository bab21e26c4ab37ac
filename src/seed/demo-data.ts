/** Demo accounts printed at start outside production; the passwords follow the password rules. */
export const demoAccounts = [
  {
    username: 'demo.teacher',
    password: 'Teach#2026sso',
    displayName: '王小明',
    idNumber: 'Y120135791',
    email: 'demo.teacher@example.edu.tw',
    mobile: '0912345678',
    affiliation: {
      schoolCode: '094601',
      identity: '教師',
      titles: ['教師', '導師'],
      classes: [{ year: '114', semester: '1', grade: '3', classno: '301', classtitle: '三年一班' }],
    },
  },
  {
    username: 'demo.staff',
    password: 'Staff#2026sso',
    displayName: '林美華',
    email: 'demo.staff@example.edu.tw',
    mobile: '0923456789',
    affiliation: { schoolCode: '313601', identity: '職員', titles: ['幹事'], classes: [] },
  },
] as const;

/** People in the demo source data (來源資料) without an account yet: try registering as one of them. */
export const demoSourcePeople = [
  { schoolCode: '094601', idNumber: 'P223456783', name: '陳怡君', birthday: '1985-03-07', identity: '教師', titles: ['教師', '導師'], classes: [{ year: '114', semester: '1', grade: '5', classno: '502', classtitle: '五年二班' }] },
  { schoolCode: '094601', idNumber: 'P123456781', name: '張志明', birthday: '1979-11-20', identity: '教師', titles: ['教師', '教務主任'], classes: [] },
  { schoolCode: '313601', idNumber: 'A234567893', name: '李淑芬', birthday: '1990-06-15', identity: '職員', titles: ['幹事'], classes: [] },
] as const;

/** Source records of demo account holders at another school: 王小明 (demo.teacher) moved to 縣立鎮東國小 (更新個人資料). */
export const demoMovedPeople = [
  { schoolCode: '094602', idNumber: 'Y120135791', name: '王小明', birthday: '1982-09-01', identity: '教師', titles: ['教師', '生教組長'], classes: [{ year: '114', semester: '1', grade: '4', classno: '402', classtitle: '四年二班' }] },
] as const;

/**
 * The demo's fixed two-factor secret (base32) of the demo administrators, printed at start so a person
 * trying the product can add it to any authenticator app and open /admin. Demo only: never seeded in
 * production (and SEED_DEMO is off there by default).
 */
export const DEMO_ADMIN_TOTP_SECRET = 'EDUSSODEMOADMINSTOTPKEYFORTRYING';

/** Administrators of the demo (issue 10): each with two-factor on, with DEMO_ADMIN_TOTP_SECRET. */
export const demoAdmins = [
  { username: 'demo.admin', password: 'Admin#2026sso', displayName: '示範系統管理者', email: 'demo.admin@example.edu.tw', role: 'system-admin' },
  { username: 'demo.helpdesk', password: 'Help#2026sso', displayName: '示範客服人員', email: 'demo.helpdesk@example.edu.tw', role: 'helpdesk' },
] as const;
