import { readFileSync } from 'node:fs';
import { countyClient, FEDERATION_CALLBACK_PATH } from '../methods/county-client.ts';
import { ICON_MAX_BYTES, iconType } from '../methods/county-providers.ts';
import type { Services } from '../app/compose.ts';
import { inputError } from './commands.ts';
import { str, type Flags } from './flags.ts';
import { CliError, printResult } from './output.ts';

export async function countyAdd(s: Services, f: Flags, json: boolean) {
  const county = str(f, 'county');
  if (!county) throw new CliError('--county is required (e.g. --county 雲林縣)');
  const iconFile = str(f, 'icon');
  const icon = iconFile ? readIcon(iconFile) : undefined;
  try {
    const p = await s.countyProviders.add({
      id: str(f, 'id'),
      county,
      displayName: str(f, 'display-name'),
      kind: (str(f, 'kind') ?? 'oidc') as 'oidc',
      issuer: str(f, 'issuer') ?? '',
      clientId: str(f, 'client-id') ?? '',
      clientSecret: str(f, 'client-secret') ?? '',
      scopes: str(f, 'scopes'),
      claims: {
        subject: str(f, 'subject-claim'),
        idNumber: str(f, 'id-number-claim'),
        personId: str(f, 'person-id-claim'),
        name: str(f, 'name-claim'),
        schoolCode: str(f, 'school-claim'),
        titles: str(f, 'titles-claim'),
      },
      labels: { login: str(f, 'login-label'), forgotAccount: str(f, 'forgot-label'), resetPassword: str(f, 'reset-label') },
      endpoints: { authorize: str(f, 'authorize-url'), token: str(f, 'token-url'), user: str(f, 'user-url'), profile: str(f, 'profile-url') },
    }, icon);
    const redirectUri = `${s.settings.issuer}${FEDERATION_CALLBACK_PATH}`;
    printResult(json, { id: p.id, county: p.countyName, kind: p.kind, redirect_uri: redirectUri }, `added ${p.id} (${p.countyName}, ${p.kind})\nregister this redirect URI at the county: ${redirectUri}`);
  } catch (err) {
    if (/county_providers_pkey|duplicate key/.test(String((err as Error).message))) throw new CliError(`a provider with this id exists; remove it first or give --id`);
    inputError(err);
  }
}

/** Checked before anything is stored, so a bad icon leaves no half-added county. */
function readIcon(file: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CliError(`--icon: cannot read ${file}`);
  }
  if (!iconType(bytes) || bytes.length > ICON_MAX_BYTES) throw new CliError(`--icon: must be a PNG or SVG file of at most ${ICON_MAX_BYTES / 1024} KiB`);
  return bytes;
}

export async function countyList(s: Services, json: boolean) {
  const rows = (await s.countyProviders.list()).map((p) => ({ id: p.id, county: p.countyName, name: p.displayName, kind: p.kind, issuer: p.issuer, client_id: p.clientId, scopes: p.scopes, claims: p.claims }));
  printResult(json, rows, rows.length ? rows.map((r) => `${r.id}\t${r.county}\t${r.kind}\t${r.issuer}`).join('\n') : 'no county providers');
}

export async function countyRemove(s: Services, json: boolean, id?: string) {
  if (!id) throw new CliError('give the id: edusso county remove ID');
  if (!(await s.countyProviders.remove(id))) throw new CliError(`no county provider ${id}`, 1);
  printResult(json, { removed: id }, `removed ${id} (its linked identities too)`);
}

/** Checks that the county answers as configured: discovery for OIDC, the endpoints for OAuth 2. */
export async function countyTest(s: Services, json: boolean, id?: string) {
  if (!id) throw new CliError('give the id: edusso county test ID');
  const p = await s.countyProviders.get(id);
  if (!p) throw new CliError(`no county provider ${id}`, 1);
  const problems: string[] = [];
  const facts: Record<string, unknown> = {};
  if (p.kind === 'oidc') {
    try {
      const config = await countyClient(`${s.settings.issuer}${FEDERATION_CALLBACK_PATH}`, { allowHttp: !s.settings.production }).discover(p);
      const meta = config.serverMetadata();
      Object.assign(facts, { issuer: meta.issuer, authorization_endpoint: meta.authorization_endpoint, token_endpoint: meta.token_endpoint, userinfo_endpoint: meta.userinfo_endpoint });
      if (!meta.code_challenge_methods_supported?.includes('S256')) problems.push('the county does not advertise PKCE S256');
      for (const scope of p.scopes.split(/\s+/)) if (meta.scopes_supported && !meta.scopes_supported.includes(scope)) problems.push(`scope "${scope}" is not offered by the county`);
      const claimNames = [p.claims.idNumber, p.claims.name, p.claims.schoolCode].filter(Boolean) as string[];
      for (const claim of claimNames) if (meta.claims_supported && !meta.claims_supported.includes(claim.split('.')[0]!)) problems.push(`claim "${claim}" is not in the county's claims_supported`);
    } catch (err) {
      problems.push(`discovery failed: ${(err as Error).message}`);
    }
  } else {
    for (const [name, url] of Object.entries(p.endpoints)) {
      if (!url) continue;
      try {
        const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(5000) });
        facts[name] = `HTTP ${res.status}`;
        if (res.status >= 500) problems.push(`${name} endpoint answered ${res.status}`);
      } catch (err) {
        problems.push(`${name} endpoint unreachable: ${(err as Error).cause ?? (err as Error).message}`);
      }
    }
  }
  if (!p.claims.idNumber && !p.claims.personId) problems.push('no --id-number-claim: first sign-ins cannot be matched to accounts, and registration, forgot-account and reset cannot use this county');
  printResult(json, { id, ok: problems.length === 0, problems, ...facts }, problems.length ? `${id}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}` : `${id}: ok (${Object.entries(facts).map(([k, v]) => `${k}=${v}`).join(', ')})`);
  if (problems.some((x) => /failed|unreachable/.test(x))) process.exitCode = 1;
}
