import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { SigningKeyRepo } from '../storage/ports.ts';
import { RETIRED_KEY_GRACE_MS } from './keys.ts';
import { createProvider, type ProviderDeps, type ProviderPages } from './provider.ts';

export interface LiveProvider {
  readonly provider: Provider;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Rebuilds the provider if the published signing keys changed; true when it did. */
  refresh(): Promise<boolean>;
  stop(): void;
}

/**
 * The OpenID provider of this node, rebuilt when the signing keys change (`edusso keys rotate` on any
 * node), so every node signs with the new key and publishes the same JWKS without a restart. Nothing
 * is lost in the swap: sessions, grants and tokens live in the database.
 */
export async function liveProvider(
  s: ProviderDeps & { signingKeys: SigningKeyRepo },
  pages: ProviderPages,
  configure: (p: Provider) => void,
  intervalMs = 60_000,
): Promise<LiveProvider> {
  const keySet = async () =>
    (await s.signingKeys.published(new Date(Date.now() - RETIRED_KEY_GRACE_MS))).map((k) => `${k.kid}:${k.retiredAt ? 'retired' : 'signing'}`).join(',');
  const build = async () => {
    const provider = await createProvider(s, pages);
    configure(provider);
    return { provider, handler: provider.callback(), keys: await keySet() };
  };
  let current = await build();
  const refresh = async () => {
    if ((await keySet()) === current.keys) return false;
    current = await build();
    s.log.info({ keys: current.keys }, 'signing keys changed: provider rebuilt');
    return true;
  };
  const check = () => refresh().catch((err) => s.log.error({ err }, 'signing key check failed'));
  // A rotation anywhere is announced at once (an empty payload: the channel was re-opened, check anyway);
  // the slow poll only covers a notification lost with a dropped connection.
  const unlisten = await s.db.listen('edusso_changes', (table) => (table === 'signing_keys' || table === '') && void check());
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return {
    get provider() {
      return current.provider;
    },
    handle: (req, res) => current.handler(req, res),
    refresh,
    stop: () => {
      clearInterval(timer);
      void unlisten();
    },
  };
}
