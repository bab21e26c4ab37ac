import { clientAdmin } from '../../admin/clients.ts';
import type { ConsoleArea } from '../deps.ts';
import { appsApi } from './api.ts';
import { appsPages } from './pages.ts';

/**
 * Connected applications: the console's pages and the API's /clients. The one client service runs here
 * over this node's cached view of the clients, so a change (a new secret, a disabled application) holds
 * on this node at once; other nodes drop their copy on the database's change notification.
 */
export const appsArea: ConsoleArea = (d, { api, router }) => {
  const admin = clientAdmin(d.clients, async () => (m) => d.oidc.provider.Client.validate(m), { audit: d.s.audit, payloads: d.s.store.oidcPayloads });
  appsApi(d, admin, api);
  appsPages(d, admin, router);
};
