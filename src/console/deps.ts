import type Router from '@koa/router';
import type { Services } from '../app/compose.ts';
import type { Flows } from '../app/flows.ts';
import type { LiveProvider } from '../oidc/live-provider.ts';
import type { ClientRepo } from '../storage/ports.ts';
import type { AppState } from '../web/context.ts';
import type { AdminApi } from './kit/api.ts';
import type { AdminAuth } from './kit/principal.ts';

/** What every area of the console is given: the shared services, the live provider, the flows. */
export interface ConsoleDeps {
  s: Services;
  oidc: LiveProvider;
  /** This node's cached view of the connected applications. */
  clients: ClientRepo;
  flows: Flows;
  auth: AdminAuth;
}

/** An area registers its console pages on `router` and its API operations on `api`. */
export type ConsoleArea = (d: ConsoleDeps, r: { api: AdminApi; router: Router<AppState> }) => void;
