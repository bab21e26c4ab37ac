import Router from '@koa/router';
import type { AppState } from '../web/context.ts';
import type { ConsoleArea, ConsoleDeps } from './deps.ts';
import { directoryArea } from './directory/routes.ts';
import { homeArea } from './home/routes.ts';
import { helpdeskArea } from './helpdesk/routes.ts';
import { accountsArea } from './accounts/routes.ts';
import { auditArea } from './audit/routes.ts';
import { rolesArea } from './roles/routes.ts';
import { peopleArea } from './people/routes.ts';
import { appsArea } from './apps/area.ts';
import { countiesArea } from './counties/area.ts';
import { studentsArea } from './students/routes.ts';
import { adminApi } from './kit/api.ts';
import { consoleGuard } from './kit/guard.ts';
import { openApiDocument } from './kit/openapi.ts';

/** The areas of the console, each one folder: its pages and its API operations over the shared services. */
const AREAS: ConsoleArea[] = [
  homeArea,
  helpdeskArea,
  accountsArea,
  auditArea,
  rolesArea,
  directoryArea,
  peopleArea,
  appsArea,
  countiesArea,
  studentsArea,
];

/** The administration console (/admin) and its API (/admin/api/v1), with the OpenAPI document of the API. */
export function adminConsole(d: Omit<ConsoleDeps, 'auth'> & { auth: ConsoleDeps['auth'] }) {
  const api = adminApi(d.auth);
  const router = new Router<AppState>();
  for (const area of AREAS) area(d, { api, router });
  const document = openApiDocument(api.operations, d.s.settings.issuer);
  api.router.get('/openapi.json', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = document;
  });
  return { guard: consoleGuard(d.auth), routers: [api.router, router], operations: api.operations, document };
}
