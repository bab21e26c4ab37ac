import type { Account, Affiliation } from '../storage/ports.ts';

/** The claims each scope releases; the same names the Ministry's service uses. */
export const scopeClaims = {
  openid: ['sub'],
  profile: ['name', 'preferred_username'],
  email: ['email', 'email_verified'],
  openid2: ['open2_id'],
  guid: ['guid'],
  educloudroles: ['educloudroles'],
  personid: ['personid'],
  eduinfo: [],
} as const;

export const supportedScopes = ['openid', 'offline_access', ...Object.keys(scopeClaims).filter((s) => s !== 'openid')];

const roleNames: Record<string, string> = { 教師: 'teacher', 職員: 'staff', 學生: 'student' };

/** 「教師」 comes first: clients read titles[0].titles[0] as the role. */
export function orderedTitles(a: Affiliation): string[] {
  return [a.identity, ...a.titles.filter((t) => t !== a.identity)];
}

export function accountClaims(account: Account, affiliations: Affiliation[], issuer: string) {
  return {
    sub: account.id,
    name: account.displayName,
    preferred_username: account.username,
    email: account.email ?? undefined,
    email_verified: account.email ? account.emailVerified : undefined,
    open2_id: [`${issuer}/openid/${account.username}`],
    guid: account.id,
    educloudroles: [...new Set(affiliations.map((a) => roleNames[a.identity] ?? a.identity))],
  };
}

export function eduinfo(account: Account, affiliations: Affiliation[]) {
  const primary = affiliations[0];
  return {
    sub: account.id,
    schoolid: primary?.schoolCode ?? '',
    titles: affiliations.map((a) => ({ schoolid: a.schoolCode, titles: orderedTitles(a) })),
    classinfo: affiliations.flatMap((a) => a.classes.map((c) => ({ ...c, schoolid: a.schoolCode }))),
  };
}

export function profile(account: Account, affiliations: Affiliation[]) {
  return {
    sub: account.id,
    name: account.displayName,
    preferred_username: account.username,
    email: account.email,
    mobile: account.mobile,
    schools: affiliations.map((a) => ({ schoolid: a.schoolCode, name: a.schoolName, identity: a.identity })),
  };
}
