import { z } from 'zod';
import { AccountInputError } from '../admin/accounts.ts';
import { translator } from '../i18n/translate.ts';
import type { Services } from '../app/compose.ts';
import { migrate } from '../storage/migrate.ts';
import { CliError, printResult } from './output.ts';
import { list, str, type Flags } from './flags.ts';

const en = translator('en');
function required(f: Flags, name: string) {
  const v = str(f, name);
  if (!v) throw new CliError(`--${name} is required`);
  return v;
}

/** A service's refusal of the input as the command line says it. */
export function inputError(err: unknown): never {
  if (err instanceof z.ZodError) throw new CliError(err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  if (err instanceof AccountInputError)
    throw new CliError(err.keys.length ? `--${err.field}: ${err.keys.map((k) => en(k.key, k.params)).join('; ')}` : err.message);
  throw err;
}

export async function migrateCommand(s: Services, json: boolean) {
  const applied = await migrate(s.db);
  printResult(json, { applied }, applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
}

export async function accountCreate(s: Services, f: Flags, json: boolean) {
  const input = {
    account: required(f, 'account'),
    password: required(f, 'password'),
    name: required(f, 'name'),
    email: str(f, 'email'),
    mobile: str(f, 'mobile'),
    school: str(f, 'school'),
    identity: str(f, 'identity'),
    titles: list(f, 'title').flatMap((t) => t.split(/[;,、]/)).map((t) => t.trim()).filter(Boolean),
  };
  const account = await s.accountAdmin.create(input).catch(inputError);
  printResult(json, { id: account.id, account: account.username }, `created account ${account.username} (sub ${account.id})`);
}

export async function accountsDisableInactive(s: Services, f: Flags, json: boolean) {
  const days = Number(required(f, 'days'));
  const ids = await s.accountAdmin.disableInactive(days).catch(inputError);
  printResult(json, { disabled: ids.length, ids }, `disabled ${ids.length} account(s) without a sign-in for ${days} days`);
}

export async function recordsPurge(s: Services, f: Flags, json: boolean) {
  const given = str(f, 'days');
  const days = given === undefined ? s.settings.signInRecordRetentionDays : Number(given);
  if (!Number.isInteger(days) || days < 1) throw new CliError('--days must be a whole number of days, at least 1');
  const purged = await s.signInRecords.purge(days);
  printResult(json, { purged, days }, `deleted ${purged} sign-in record(s) older than ${days} days`);
}

export async function clientAdd(s: Services, f: Flags, json: boolean) {
  try {
    const result = await s.clientAdmin.add({
      name: str(f, 'name') ?? '',
      redirectUris: list(f, 'redirect-uri'),
      postLogoutRedirectUris: f['post-logout-redirect-uri'] ? list(f, 'post-logout-redirect-uri') : undefined,
      homeUrl: str(f, 'home-url'),
      logoUri: str(f, 'logo-uri'),
      backchannelLogoutUri: str(f, 'backchannel-logout-uri'),
      firstParty: f['first-party'] === true,
      public: f.public === true,
      service: f.service === true,
      authMethod: (str(f, 'auth-method') ?? 'client_secret_basic') as 'client_secret_basic',
      scopes: str(f, 'scopes'),
      adminCounty: str(f, 'admin-county'),
    });
    printResult(
      json,
      { ...result.metadata, client_id: result.clientId, client_secret: result.clientSecret },
      [
        `client_id:     ${result.clientId}`,
        result.clientSecret ? `client_secret: ${result.clientSecret}   (shown once: store it now)` : 'public client: no secret, PKCE required',
      ].join('\n'),
    );
  } catch (err) {
    if (err instanceof Error && 'error_description' in err) throw new CliError(`invalid client: ${(err as any).error_description}`);
    inputError(err);
  }
}

export async function clientList(s: Services, json: boolean) {
  const clients = await s.clientAdmin.list();
  const rows = clients.map((c) => ({
    client_id: c.clientId,
    name: c.name,
    first_party: c.firstParty,
    auth_method: c.metadata.token_endpoint_auth_method,
    redirect_uris: c.metadata.redirect_uris,
    disabled: c.metadata.disabled === true,
  }));
  printResult(json, rows, rows.length ? rows.map((r) => `${r.client_id}\t${r.name}\t${r.auth_method}${r.first_party ? '\tfirst-party' : ''}${r.disabled ? '\tdisabled' : ''}`).join('\n') : 'no clients');
}

export async function clientRemove(s: Services, f: Flags, json: boolean, positional: string[]) {
  const clientId = str(f, 'client-id') ?? positional[0];
  if (!clientId) throw new CliError('give the client_id: edusso client remove CLIENT_ID');
  if (!(await s.clientAdmin.remove(clientId))) throw new CliError(`no client ${clientId}`, 1);
  printResult(json, { removed: clientId }, `removed ${clientId}`);
}

export async function keysRotate(s: Services, json: boolean) {
  const kid = await s.keys.rotate();
  printResult(json, { kid }, `new signing key ${kid}; the previous key stays published for verification. Running nodes sign with it at once.`);
}
