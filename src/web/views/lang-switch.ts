/** The language switch keeps the page's own path and query, changing only `lang`. */
export function langSwitchHref(path: string, search: string, lang: string): string {
  const query = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  query.set('lang', lang);
  return `${path}?${query.toString()}`;
}
