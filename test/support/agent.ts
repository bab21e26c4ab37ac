/**
 * A cookie-keeping HTTP client that follows nothing by itself, for driving forms without a browser.
 * Cookies are kept per host, as a browser does (edusso and a county provider both set `_session`).
 */
export class Agent {
  private readonly jar = new Map<string, Map<string, string>>();
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  async request(url: string, init: RequestInit & { form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url, this.base);
    const cookies = this.cookiesFor(target.host);
    const headers = new Headers(init.headers);
    if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    let body = init.body;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers.set('content-type', 'application/x-www-form-urlencoded');
    }
    const res = await fetch(target, { ...init, body, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!) < new Date()) || value === '';
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  }

  /** This agent's cookies for a host (the SSO site's by default). */
  cookiesFor(host = new URL(this.base).host): Map<string, string> {
    let cookies = this.jar.get(host);
    if (!cookies) this.jar.set(host, (cookies = new Map()));
    return cookies;
  }

  get(url: string) {
    return this.request(url);
  }

  post(url: string, form: Record<string, string>) {
    return this.request(url, { method: 'POST', form });
  }

  /** Follows redirects on this server until one leaves it (or matches stop); returns the last response and URL. */
  async follow(url: string, stop?: (u: URL) => boolean): Promise<{ res: Response; url: URL }> {
    let current = new URL(url, this.base);
    for (let i = 0; i < 20; i++) {
      if (stop?.(current)) return { res: new Response(null, { status: 299 }), url: current };
      const res = await this.get(current.href);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { res, url: current };
      await res.body?.cancel(); // a redirect's body is never read: release its connection
      current = new URL(location, current);
    }
    throw new Error('too many redirects');
  }
}

/** The hidden inputs and action of the first form in a page. */
export function formOf(html: string): { action: string; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error(`no form in page:\n${html.slice(0, 2000)}`);
  const fields: Record<string, string> = {};
  for (const m of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
    if (name) fields[name] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return { action: form[1]!.replace(/&amp;/g, '&'), fields };
}
