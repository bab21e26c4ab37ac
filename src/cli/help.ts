import type { ParseArgsConfig } from 'node:util';

const text = { type: 'string' } as const;
const many = { type: 'string', multiple: true } as const;
const flag = { type: 'boolean' } as const;

/** Every option any command takes (parseArgs needs to know which ones carry a value). */
export const cliOptions: NonNullable<ParseArgsConfig['options']> = {
  json: flag,
  workers: text,
  days: text,
  help: { type: 'boolean', short: 'h' },
  account: text,
  password: text,
  name: text,
  school: text,
  identity: text,
  title: many,
  email: text,
  mobile: text,
  'redirect-uri': many,
  'post-logout-redirect-uri': many,
  'home-url': text,
  'first-party': flag,
  public: flag,
  service: flag,
  scopes: text,
  'auth-method': text,
  'client-id': text,
  level: text,
  'skip-invalid': flag,
  out: text,
  seed: text,
  students: flag,
  import: flag,
  county: text,
  issuer: text,
  'client-secret': text,
  kind: text,
  id: text,
  'display-name': text,
  'subject-claim': text,
  'id-number-claim': text,
  'person-id-claim': text,
  'name-claim': text,
  'school-claim': text,
  'titles-claim': text,
  'login-label': text,
  'forgot-label': text,
  'reset-label': text,
  'authorize-url': text,
  'token-url': text,
  'user-url': text,
  'profile-url': text,
  icon: text,
  role: text,
  'logo-uri': text,
  'backchannel-logout-uri': text,
  'admin-county': text,
  'not-first-party': flag,
  class: text,
};

export const helpText = `edusso — Education Cloud account and single sign-on service

Usage: edusso <command> [options] [--json]

  serve [--workers N]                run the service with N worker processes (default: one per core)
  migrate                            apply database migrations
  account create --account NAME --password PASSWORD --name 姓名
                 [--school CODE] [--identity 教師|職員|學生] [--title 職稱 ...] [--email E] [--mobile M]
  accounts disable-inactive --days N disable accounts without a sign-in for N days (SPEC 柒; they re-activate at /activate)
  records purge [--days N]           delete sign-in records older than N days (default SIGN_IN_RECORD_RETENTION_DAYS)
  client add --name NAME --redirect-uri URL [--redirect-uri URL ...] [--first-party] [--public]
             [--scopes "openid profile ..."] [--auth-method client_secret_basic|client_secret_post]
             [--home-url URL] [--post-logout-redirect-uri URL ...] [--service]
             [--logo-uri URL] [--backchannel-logout-uri URL]
                                     register a connected application; prints client_id and the secret once
  client list                        list connected applications
  client remove CLIENT_ID            remove a connected application
  client update CLIENT_ID [--name NAME] [--redirect-uri URL ...] [--scopes "…"] [--first-party|--not-first-party]
             [--logo-uri URL] [--backchannel-logout-uri URL] [--home-url URL] [--admin-county CODE]
                                     change an application (the same checks as add; --logo-uri '' clears it)
  client rotate-secret CLIENT_ID     a new secret, printed once; the old one stops working at once
  client disable CLIENT_ID | client enable CLIENT_ID
                                     a disabled application cannot sign anyone in or get tokens; its tokens are revoked
  keys rotate                        add a new signing key (the old one stays published for verification)
  import schools FILE [--level 學制] [--skip-invalid]
                                     import an MOE school list (elementary, senior-high or kindergarten layout)
  import people FILE [--skip-invalid]
                                     import source data (來源資料): school_code,id_number,name,birthday,identity,
                                     titles,class_year,class_semester,class_grade,class_no,class_title
  county add --county 雲林縣 --issuer URL --client-id ID --client-secret SECRET [--scopes "…"]
             [--id-number-claim CLAIM] [--name-claim CLAIM] [--school-claim CLAIM] [--titles-claim CLAIM]
             [--subject-claim CLAIM] [--kind oidc|oauth2 --authorize-url URL --token-url URL --user-url URL
             [--profile-url URL]] [--id SLUG] [--display-name NAME] [--icon FILE.png|svg] [--login-label 教育人員登入]
                                     register a county identity provider; prints the redirect URI to register there
  county list | county remove ID | county test ID
                                     list, remove, or check a county provider (discovery, scopes, claims)
  role grant --account NAME --role system-admin|county-admin|school-admin|helpdesk [--county 雲林縣] [--school CODE]
                                     grant an administrative role; county-admin needs --county (name or code),
                                     school-admin needs --school, the others take neither. Granting it again changes nothing
  role revoke --account NAME --role ROLE [--county 雲林縣] [--school CODE]
                                     take a role back (the same flags as the grant)
  role list [--account NAME]         list granted roles, or one account's
  students provision --school CODE [--class 701] [--out sheet.pdf]
                                     create accounts for the school's students (source records, identity 學生) that
                                     have none, in one transaction; writes the printable initial-password sheet (PDF)
  demo people [--out FILE] [--students] [--seed N] [--import]
                                     generate synthetic source data for the shipped schools (CSV)

Every command reads the same settings as the service (environment variables; see README).
--json prints one JSON document; errors exit non-zero with a message on stderr.`;
