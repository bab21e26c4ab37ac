import type { Settings } from '../config/settings.ts';
import { demoAccounts, demoAdmins, demoSourcePeople, DEMO_ADMIN_TOTP_SECRET } from '../seed/demo-data.ts';
import { groupedSecret } from '../methods/totp.ts';
import type { Db } from '../storage/db.ts';

/** What a person starting the service needs to know, printed once it is ready. */
export function announcement(s: { settings: Settings; db: Pick<Db, 'driver'> }, workers: number): string {
  const { issuer } = s.settings;
  const storage = s.db.driver === 'embedded' ? `embedded PostgreSQL in ${s.settings.dataDir}` : 'PostgreSQL at DATABASE_URL';
  const lines = [
    `edusso is running at ${issuer}  (${workers} worker${workers === 1 ? '' : 's'}; storage: ${storage})`,
    `  SSO site:        ${issuer}/`,
    ...(s.settings.seedDemo ? [`  demo application: ${issuer}/demo`] : []),
    `  discovery:       ${issuer}/.well-known/openid-configuration`,
    ...(s.settings.devOutbox ? [`  outbox (dev):    ${issuer}/dev/outbox  (mail${s.settings.smtpUrl ? ' is sent over SMTP; SMS' : ' and SMS'} stay here)`] : []),
  ];
  if (!s.settings.production && s.settings.seedDemo) {
    lines.push('  demo accounts (development only):');
    for (const a of demoAccounts) lines.push(`    ${a.username} / ${a.password}   (${a.displayName}, ${a.affiliation.identity})`);
    lines.push(`  demo administrators (console ${issuer}/admin; two-factor on, development only):`);
    for (const a of demoAdmins) lines.push(`    ${a.username} / ${a.password}   (${a.displayName}, ${a.role})`);
    lines.push(`    authenticator app secret of both: ${groupedSecret(DEMO_ADMIN_TOTP_SECRET)}  (TOTP, SHA-1, 6 digits, 30 s)`);
    lines.push('  try registering (申請帳號) as one of these people from the demo source data:');
    for (const p of demoSourcePeople) lines.push(`    ${p.name}  ${p.idNumber}  ${p.birthday.replaceAll('-', '/')}  (${p.identity}, school ${p.schoolCode})`);
    if (s.settings.captchaTestAnswer) lines.push(`  CAPTCHA_TEST_ANSWER=${s.settings.captchaTestAnswer} is accepted as any captcha answer`);
  }
  lines.push('  commands (npx edusso --help) work on the same data while it runs; Ctrl-C stops it');
  return lines.join('\n') + '\n';
}
