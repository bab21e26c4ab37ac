import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const secret = z.string().min(32, 'must be at least 32 characters');

/** Every setting, its default and its meaning; the README's settings table mirrors this. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  ISSUER: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  ACCOUNT_DOMAIN: z.string().regex(/^[a-z0-9.-]+$/).default('mail.edu.tw'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  /** With TRUST_PROXY: how many reverse proxies append to X-Forwarded-For; the client address is that many entries from the right (entries further left are written by the client). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  SEED_DEMO: bool.optional(),
  CAPTCHA_TEST_ANSWER: z.string().regex(/^\d{3}$/, 'must be three digits').optional(),
  COOKIE_SECRET: secret.optional(),
  KEY_ENCRYPTION_SECRET: secret.optional(),
  PII_ENCRYPTION_KEY: secret.optional(),
  PII_HASH_KEY: secret.optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('教育雲端帳號 <no-reply@localhost>'),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_USERNAME: z.string().optional(),
  SMS_PASSWORD: z.string().optional(),
  REGISTRATION_VERIFY_MOBILE: bool.default(true),
  /** SPEC 柒: accounts without a sign-in for this many days are disabled once a day (0: never). */
  INACTIVE_DISABLE_DAYS: z.coerce.number().int().min(0).max(36500).default(0),
  /** 伍.2 忘記帳號: `full` shows the account name found (as the manual does); `masked` shows part of it (`te****er`) and mails the whole name to the account's verified email. */
  ACCOUNT_LOOKUP_DISPLAY: z.enum(['full', 'masked']).default('full'),
  /** 聯絡我們: the helpdesk mailbox that receives every ticket (none: tickets are only stored). */
  HELPDESK_EMAIL: z.email().optional(),
  /** 捌.2, 玖: sign-in records older than this many days are deleted daily. */
  SIGN_IN_RECORD_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(180),
});

const secretNames = ['COOKIE_SECRET', 'KEY_ENCRYPTION_SECRET', 'PII_ENCRYPTION_KEY', 'PII_HASH_KEY'] as const;
type SecretName = (typeof secretNames)[number];

export interface Settings {
  env: 'development' | 'test' | 'production';
  production: boolean;
  port: number;
  host: string;
  issuer: string;
  dataDir: string;
  databaseUrl?: string;
  databasePoolMax: number;
  accountDomain: string;
  logLevel: string;
  trustProxy: boolean;
  /** Reverse proxies in front of the service whose X-Forwarded-For entries are believed (TRUSTED_PROXY_HOPS). */
  trustedProxyHops: number;
  seedDemo: boolean;
  captchaTestAnswer?: string;
  smtpUrl?: string;
  mailFrom: string;
  sms?: { url: string; username: string; password: string };
  registrationVerifyMobile: boolean;
  /** Days without a sign-in after which the daily run disables an account (INACTIVE_DISABLE_DAYS; 0: never). */
  inactiveDisableDays: number;
  /** ACCOUNT_LOOKUP_DISPLAY: how 伍.2 shows the account name it finds. */
  accountLookupDisplay: 'full' | 'masked';
  /** HELPDESK_EMAIL: where 聯絡我們 tickets are mailed. */
  helpdeskEmail?: string;
  /** SIGN_IN_RECORD_RETENTION_DAYS: how long 應用服務登入紀錄 and ＩＰ登入紀錄 keep a record. */
  signInRecordRetentionDays: number;
  /** Messages stay in the outbox for /dev/outbox instead of being sent (never in production). */
  devOutbox: boolean;
  secrets: Record<SecretName, string>;
}

export class SettingsError extends Error {}

/** Reads and checks the settings; refuses unsafe ones in production; generates missing secrets otherwise. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const raw = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in schema.shape && v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  const production = s.NODE_ENV === 'production';
  const issuer = (s.ISSUER ?? `http://localhost:${s.PORT}`).replace(/\/$/, '');
  const dataDir = resolve(s.DATA_DIR);

  if (production) {
    const problems: string[] = [];
    for (const name of secretNames) if (!s[name]) problems.push(`${name} must be set explicitly`);
    const url = new URL(issuer);
    if (url.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
      problems.push('ISSUER must use https (plain http is only allowed for localhost)');
    // The service speaks plain HTTP; TLS ends at a reverse proxy, which it must trust to know requests were https.
    if (url.protocol === 'https:' && !s.TRUST_PROXY) problems.push('TRUST_PROXY=true is required with an https ISSUER (TLS ends at the reverse proxy)');
    if (s.CAPTCHA_TEST_ANSWER) problems.push('CAPTCHA_TEST_ANSWER must not be set in production');
    if (!s.SMTP_URL) problems.push('SMTP_URL must be set: verification codes have to reach people');
    if (s.REGISTRATION_VERIFY_MOBILE && !s.SMS_GATEWAY_URL) problems.push('SMS_GATEWAY_URL must be set (or REGISTRATION_VERIFY_MOBILE=false)');
    if (problems.length) throw new SettingsError(`Refusing to start in production:\n  ${problems.join('\n  ')}`);
  }

  const secrets = {} as Record<SecretName, string>;
  const missing = secretNames.filter((n) => !s[n]);
  const generated = missing.length ? generatedSecrets(dataDir) : {};
  for (const name of secretNames) secrets[name] = s[name] ?? generated[name]!;

  return {
    env: s.NODE_ENV,
    production,
    port: s.PORT,
    host: s.HOST,
    issuer,
    dataDir,
    databaseUrl: s.DATABASE_URL,
    databasePoolMax: s.DATABASE_POOL_MAX,
    accountDomain: s.ACCOUNT_DOMAIN,
    logLevel: s.LOG_LEVEL,
    trustProxy: s.TRUST_PROXY,
    trustedProxyHops: s.TRUSTED_PROXY_HOPS,
    seedDemo: s.SEED_DEMO ?? !production,
    captchaTestAnswer: s.CAPTCHA_TEST_ANSWER,
    smtpUrl: s.SMTP_URL,
    mailFrom: s.MAIL_FROM,
    sms: s.SMS_GATEWAY_URL ? { url: s.SMS_GATEWAY_URL, username: s.SMS_USERNAME ?? '', password: s.SMS_PASSWORD ?? '' } : undefined,
    registrationVerifyMobile: s.REGISTRATION_VERIFY_MOBILE,
    inactiveDisableDays: s.INACTIVE_DISABLE_DAYS,
    accountLookupDisplay: s.ACCOUNT_LOOKUP_DISPLAY,
    helpdeskEmail: s.HELPDESK_EMAIL,
    signInRecordRetentionDays: s.SIGN_IN_RECORD_RETENTION_DAYS,
    devOutbox: !production && (!s.SMTP_URL || !s.SMS_GATEWAY_URL),
    secrets,
  };
}

/** Outside production: secrets made once and kept in DATA_DIR/secrets.json (mode 0600). */
function generatedSecrets(dataDir: string): Partial<Record<SecretName, string>> {
  const file = join(dataDir, 'secrets.json');
  const kept: Partial<Record<SecretName, string>> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  let changed = false;
  for (const name of secretNames) {
    if (!kept[name]) {
      kept[name] = randomBytes(32).toString('base64url');
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(kept, null, 2), { mode: 0o600 });
  }
  return kept;
}
