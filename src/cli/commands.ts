import { z } from 'zod';
import { validateAccountName } from '../domain/account-name.ts';
import { validatePassword } from '../domain/password-policy.ts';
import { translator } from '../i18n/translate.ts';
import { addClient } from '../oidc/client-registry.ts';
import { createProvider } from '../oidc/provider.ts';
import { rotateSigningKey } from '../oidc/keys.ts';
import { hashPassword } from '../security/password.ts';
import type { Services } from '../services.ts';
import { migrate } from '../storage/migrate.ts';
import { sqlAccounts } from '../storage/sql/accounts.ts';
import { CliError, printResult } from './output.ts';
import { list, str, type Flags } from './flags.ts';

const en = translator('en');
function required(f: Flags, name: string) {
  const v = str(f, name);
  if (!v) throw new CliError(`--${name} is required`);
  return v;
}

export async function migrateCommand(s: Services, json: boolean) {
  const applied = await migrate(s.db);
  printResult(json, { applied }, applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
}

export async function accountCreate(s: Services, f: Flags, json: boolean) {
  const username = required(f, 'account');
  const password = required(f, 'password');
  const displayName = required(f, 'name').trim();
  const name = validateAccountName(username);
  if (!name.ok) throw new CliError(`--account: ${en(name.error, name.params)}`);
  const pw = validatePassword(password, { account: name.value });
  if (!pw.ok) throw new CliError(`--password: ${pw.errors.map((e) => en(e)).join('; ')}`);
  const school = str(f, 'school');
  const titles = list(f, 'title').flatMap((t) => t.split(/[;,、]/)).map((t) => t.trim()).filter(Boolean);
  const identity = z.enum(['教師', '職員', '學生']).safeParse(str(f, 'identity') ?? '教師');
  if (!identity.success) throw new CliError('--identity must be 教師, 職員 or 學生');
  if (!school && titles.length) throw new CliError('--title needs --school');
  if (school && !(await s.db.query('SELECT 1 FROM schools WHERE code = $1', [school])).length)
    throw new CliError(`--school: no school with code ${school}`);
  if (await s.accounts.findByUsername(name.value)) throw new CliError(`--account: ${name.value} is already taken`);
  const passwordHash = await hashPassword(password);
  const account = await s.db.transaction(async (tx) => {
    const accounts = sqlAccounts(tx);
    const created = await accounts.create({
      username: name.value,
      passwordHash,
      displayName,
      email: str(f, 'email') ?? null,
      mobile: str(f, 'mobile') ?? null,
    });
    if (school) await accounts.setAffiliation(created.id, { schoolCode: school, identity: identity.data, titles, classes: [] });
    return created;
  });
  await s.audit.record({ type: 'account.created', accountId: account.id, detail: { via: 'cli' } });
  printResult(json, { id: account.id, account: account.username }, `created account ${account.username} (sub ${account.id})`);
}

export async function clientAdd(s: Services, f: Flags, json: boolean) {
  const provider = await createProvider(s);
  try {
    const result = await addClient(
      s.clients,
      {
        name: str(f, 'name') ?? '',
        redirectUris: list(f, 'redirect-uri'),
        postLogoutRedirectUris: f['post-logout-redirect-uri'] ? list(f, 'post-logout-redirect-uri') : undefined,
        homeUrl: str(f, 'home-url'),
        firstParty: f['first-party'] === true,
        public: f.public === true,
        service: f.service === true,
        authMethod: (str(f, 'auth-method') ?? 'client_secret_basic') as 'client_secret_basic',
        scopes: str(f, 'scopes'),
      },
      (m) => provider.Client.validate(m),
    );
    printResult(
      json,
      { ...result.metadata, client_id: result.clientId, client_secret: result.clientSecret },
      [
        `client_id:     ${result.clientId}`,
        result.clientSecret ? `client_secret: ${result.clientSecret}   (shown once: store it now)` : 'public client: no secret, PKCE required',
      ].join('\n'),
    );
  } catch (err) {
    if (err instanceof z.ZodError) throw new CliError(err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
    if (err instanceof Error && 'error_description' in err) throw new CliError(`invalid client: ${(err as any).error_description}`);
    throw err;
  }
}

export async function clientList(s: Services, json: boolean) {
  const clients = await s.clients.list();
  const rows = clients.map((c) => ({
    client_id: c.clientId,
    name: c.name,
    first_party: c.firstParty,
    auth_method: c.metadata.token_endpoint_auth_method,
    redirect_uris: c.metadata.redirect_uris,
  }));
  printResult(json, rows, rows.length ? rows.map((r) => `${r.client_id}\t${r.name}\t${r.auth_method}${r.first_party ? '\tfirst-party' : ''}`).join('\n') : 'no clients');
}

export async function clientRemove(s: Services, f: Flags, json: boolean, positional: string[]) {
  const clientId = str(f, 'client-id') ?? positional[0];
  if (!clientId) throw new CliError('give the client_id: edusso client remove CLIENT_ID');
  if (!(await s.clients.remove(clientId))) throw new CliError(`no client ${clientId}`, 1);
  printResult(json, { removed: clientId }, `removed ${clientId}`);
}

export async function keysRotate(s: Services, json: boolean) {
  const kid = await rotateSigningKey(s.signingKeys, s.keyBox);
  printResult(json, { kid }, `new signing key ${kid}; the previous key stays published for verification. Running nodes sign with it at once.`);
}
