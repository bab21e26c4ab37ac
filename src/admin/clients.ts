import type { ClientMetadata } from 'oidc-provider';
import { addClient, type NewClient } from '../oidc/client-registry.ts';
import type { ClientRepo } from '../storage/ports.ts';

/** Connected applications (`edusso client …`); `validate` is the OpenID provider's own check of the metadata. */
export function clientAdmin(clients: ClientRepo, validate: () => Promise<(m: ClientMetadata) => Promise<unknown>>) {
  return {
    async add(input: NewClient) {
      return addClient(clients, input, await validate());
    },
    list: () => clients.list(),
    remove: (clientId: string) => clients.remove(clientId),
  };
}
export type ClientAdmin = ReturnType<typeof clientAdmin>;
