import { RoleInputError, RoleNotFoundError, type RoleInput } from '../admin/roles.ts';
import type { Services } from '../app/compose.ts';
import type { RoleGrant } from '../storage/ports.ts';
import { str, type Flags } from './flags.ts';
import { CliError, printResult } from './output.ts';

function input(f: Flags): RoleInput {
  return { account: str(f, 'account') ?? '', role: str(f, 'role') ?? '', county: str(f, 'county'), school: str(f, 'school') };
}

function refused(err: unknown): never {
  if (err instanceof RoleInputError) throw new CliError(err.message);
  if (err instanceof RoleNotFoundError) throw new CliError(err.message, 1);
  throw err;
}

const scopeText = (g: { county: { name: string } | null; school: { code: string; name: string } | null }) =>
  g.county ? ` of ${g.county.name}` : g.school ? ` of ${g.school.code} ${g.school.name}` : '';

export async function roleGrant(s: Services, f: Flags, json: boolean) {
  const g = await s.roleAdmin.grant(input(f), null).catch(refused);
  printResult(
    json,
    { account: g.username, role: g.role, county: g.county?.code ?? null, school: g.school?.code ?? null, granted: g.granted },
    g.granted ? `granted ${g.role}${scopeText(g)} to ${g.username}` : `${g.username} already holds ${g.role}${scopeText(g)}; nothing changed`,
  );
}

export async function roleRevoke(s: Services, f: Flags, json: boolean) {
  const g = await s.roleAdmin.revoke(input(f), null).catch(refused);
  printResult(json, { account: g.username, role: g.role, county: g.county?.code ?? null, school: g.school?.code ?? null, revoked: true }, `revoked ${g.role}${scopeText(g)} from ${g.username}`);
}

export async function roleList(s: Services, f: Flags, json: boolean) {
  const account = str(f, 'account');
  const grants = await s.roleAdmin.list(account === undefined ? {} : { account }).catch(refused);
  const rows = grants.map((g: RoleGrant) => ({
    account: g.username,
    role: g.role,
    county: g.countyCode,
    county_name: g.countyName,
    school: g.schoolCode,
    school_name: g.schoolName,
    granted_at: g.grantedAt.toISOString(),
    granted_by: g.grantedBy,
  }));
  const line = (r: (typeof rows)[number]) =>
    [r.account, r.role, r.county ? `${r.county_name} (${r.county})` : r.school ? `${r.school} ${r.school_name}` : '', r.granted_at].filter(Boolean).join('\t');
  printResult(json, rows, rows.length ? rows.map(line).join('\n') : 'no roles granted');
}
