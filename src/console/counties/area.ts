import type { ConsoleArea } from '../deps.ts';
import { countiesApi } from './api.ts';
import { countiesPages } from './pages.ts';

/** County identity providers: the console's pages and the API's /county-providers (system administrators). */
export const countiesArea: ConsoleArea = (d, { api, router }) => {
  countiesApi(d, d.s.countyAdmin, api);
  countiesPages(d, d.s.countyAdmin, router);
};
