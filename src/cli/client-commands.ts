import { ClientHasNoSecret, ClientNotFound } from '../admin/clients.ts';
import type { ClientChanges } from '../oidc/client-registry.ts';
import type { Services } from '../app/compose.ts';
import { inputError } from './commands.ts';
import { list, str, type Flags } from './flags.ts';
import { CliError, printResult } from './output.ts';

/** The client id of `edusso client VERB CLIENT_ID`. */
function clientIdOf(f: Flags, positional: string[], verb: string) {
  const id = str(f, 'client-id') ?? positional[0];
  if (!id) throw new CliError(`give the client_id: edusso client ${verb} CLIENT_ID`);
  return id;
}

/** The service's refusals as the command line says them. */
function refused(err: unknown): never {
  if (err instanceof ClientNotFound) throw new CliError(`no client ${err.message}`, 1);
  if (err instanceof ClientHasNoSecret) throw new CliError(`${err.message} is a public client: it has no secret to rotate`);
  if (err instanceof Error && 'error_description' in err) throw new CliError(`invalid client: ${(err as { error_description: string }).error_description}`);
  return inputError(err);
}

/** `--flag ''` clears an optional URL; an absent flag keeps it. */
const clearable = (f: Flags, name: string) => {
  const v = str(f, name);
  return v === undefined ? undefined : v === '' ? null : v;
};

export async function clientUpdate(s: Services, f: Flags, json: boolean, positional: string[]) {
  const clientId = clientIdOf(f, positional, 'update');
  const changes: ClientChanges = {
    name: str(f, 'name'),
    redirectUris: f['redirect-uri'] ? list(f, 'redirect-uri') : undefined,
    postLogoutRedirectUris: f['post-logout-redirect-uri'] ? list(f, 'post-logout-redirect-uri') : undefined,
    homeUrl: clearable(f, 'home-url'),
    logoUri: clearable(f, 'logo-uri'),
    backchannelLogoutUri: clearable(f, 'backchannel-logout-uri'),
    firstParty: f['first-party'] === true ? true : f['not-first-party'] === true ? false : undefined,
    scopes: str(f, 'scopes'),
    adminCounty: clearable(f, 'admin-county'),
  };
  const c = await s.clientAdmin.update(clientId, changes).catch(refused);
  printResult(json, { client_id: c.clientId, name: c.name, first_party: c.firstParty, scope: c.metadata.scope, redirect_uris: c.metadata.redirect_uris }, `updated ${c.clientId} (${c.name})`);
}

export async function clientRotateSecret(s: Services, f: Flags, json: boolean, positional: string[]) {
  const r = await s.clientAdmin.rotateSecret(clientIdOf(f, positional, 'rotate-secret')).catch(refused);
  printResult(json, { client_id: r.clientId, client_secret: r.clientSecret }, `client_id:     ${r.clientId}\nclient_secret: ${r.clientSecret}   (shown once: store it now; the old secret no longer works)`);
}

export async function clientSetDisabled(s: Services, f: Flags, json: boolean, positional: string[], disabled: boolean) {
  const verb = disabled ? 'disable' : 'enable';
  const r = await (disabled ? s.clientAdmin.disable : s.clientAdmin.enable)(clientIdOf(f, positional, verb)).catch(refused);
  const state = disabled ? 'disabled' : 'enabled';
  printResult(
    json,
    { client_id: r.client.clientId, disabled: r.client.disabled, changed: r.changed, revoked_tokens: r.revoked },
    r.changed ? `${state} ${r.client.clientId}${disabled ? ` (${r.revoked} grant(s) and token(s) revoked)` : ''}` : `${r.client.clientId} was already ${state}; nothing changed`,
  );
}
