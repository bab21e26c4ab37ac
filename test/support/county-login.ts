import { Agent, formOf } from './agent.ts';

/**
 * Starts a county sign-in at edusso and logs in at the county's own page as `login`
 * (or cancels there), returning edusso's answer to the callback.
 */
export async function countyLogin(agent: Agent, start: string, login: string | { cancel: true }) {
  let res = await agent.get(start);
  let location = res.headers.get('location');
  if (!location) return { res, html: await res.text(), url: start };
  let url = new URL(location, agent.base);
  // Walk redirects until the county shows its login form.
  for (let i = 0; i < 10 && !url.pathname.includes('/interaction/') && !url.pathname.startsWith('/oauth/authorize'); i++) {
    res = await agent.get(url.href);
    location = res.headers.get('location');
    if (!location) break;
    url = new URL(location, url);
  }
  const page = await (await agent.get(url.href)).text();
  if (typeof login === 'object') {
    const abort = /href="([^"]*\/abort)"/.exec(page)?.[1];
    res = abort ? await agent.get(new URL(abort, url).href) : await agent.post(new URL(formOf(page).action, url).href, { login: 'nobody-at-all' });
  } else {
    const { action, fields } = formOf(page);
    res = await agent.post(new URL(action, url).href, { ...fields, login, password: 'county-password' });
  }
  // Follow the county's redirects back to edusso's callback and read its page.
  for (let i = 0; i < 10; i++) {
    location = res.headers.get('location');
    if (!location) break;
    url = new URL(location, url);
    res = await agent.get(url.href);
    if (url.pathname === '/federation/callback') break;
  }
  const final = res.headers.get('location') && url.pathname === '/federation/callback' ? await agent.get(new URL(res.headers.get('location')!, url).href) : res;
  return { res: final, status: res.status, html: await final.text(), url: url.href };
}
