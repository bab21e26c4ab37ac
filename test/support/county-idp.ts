import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './server.ts';

export interface CountyPerson {
  name: string;
  idNumber?: string;
  schoolCode?: string;
  titles?: string[];
}

/** How the proxy in front of the county misbehaves, to test that edusso notices. */
export type CountyMode = 'ok' | 'bad-signature' | 'wrong-nonce' | 'wrong-audience';

export interface CountyIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  mode: CountyMode;
  people: Map<string, CountyPerson>;
  stop(): Promise<void>;
}

const listen = (server: Server, port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));

/**
 * A real county identity provider (oidc-provider with its development login form: any login is a
 * person of `people`), behind a loopback proxy that can tamper with what passes, as a broken or
 * hostile county would. `withIdNumber: false` plays a county that asserts no identity number.
 */
export async function startCountyIdp(opts: { redirectUri: string; withIdNumber: boolean }): Promise<CountyIdp> {
  const [proxyPort, realPort] = [await freePort(), await freePort()];
  const issuer = `http://127.0.0.1:${proxyPort}`;
  const people = new Map<string, CountyPerson>();
  const clientId = 'edusso';
  const clientSecret = 'county-secret-for-edusso';
  const provider = new Provider(issuer, {
    clients: [
      { client_id: clientId, client_secret: clientSecret, redirect_uris: [opts.redirectUri] },
      { client_id: 'another-app', client_secret: 'another-secret', redirect_uris: [opts.redirectUri] },
    ],
    claims: { openid: ['sub'], profile: ['name'], eduid: opts.withIdNumber ? ['id_number', 'school_code', 'titles'] : ['school_code', 'titles'] },
    scopes: ['openid', 'profile', 'eduid'],
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const p = people.get(sub);
      if (!p) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, name: p.name, ...(opts.withIdNumber ? { id_number: p.idNumber } : {}), school_code: p.schoolCode, titles: p.titles };
        },
      };
    },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile eduid');
      await grant.save();
      return grant;
    },
  });
  provider.proxy = true;
  const real = createServer(provider.callback());
  await listen(real, realPort);

  const idp: CountyIdp = { issuer, clientId, clientSecret, mode: 'ok', people, stop: async () => undefined };
  const proxy = createServer((req, res) => forward(idp, req, res, realPort, proxyPort));
  await listen(proxy, proxyPort);
  idp.stop = async () => {
    proxy.closeAllConnections();
    real.closeAllConnections();
    await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => real.close(r))]);
  };
  return idp;
}

function forward(idp: CountyIdp, req: IncomingMessage, res: ServerResponse, realPort: number, proxyPort: number) {
  let path = req.url ?? '/';
  const headers = { ...req.headers, host: `127.0.0.1:${proxyPort}` };
  const url = new URL(path, idp.issuer);
  if (url.pathname === '/auth' && idp.mode === 'wrong-nonce') url.searchParams.set('nonce', 'not-the-nonce-edusso-sent');
  if (url.pathname === '/auth' && idp.mode === 'wrong-audience') url.searchParams.set('client_id', 'another-app');
  path = url.pathname + url.search;
  const chunks: Buffer[] = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let body = Buffer.concat(chunks);
    if (url.pathname === '/token' && idp.mode === 'wrong-audience') {
      // The code was issued to another application: exchange it as that application.
      const form = new URLSearchParams(body.toString());
      form.delete('client_secret');
      form.set('client_id', 'another-app');
      delete headers.authorization;
      headers.authorization = `Basic ${Buffer.from('another-app:another-secret').toString('base64')}`;
      body = Buffer.from(form.toString());
      headers['content-length'] = String(body.length);
    }
    const upstream = request({ host: '127.0.0.1', port: realPort, path, method: req.method, headers }, (up) => {
      const out: Buffer[] = [];
      up.on('data', (c) => out.push(c));
      up.on('end', () => {
        let payload = Buffer.concat(out);
        if (url.pathname === '/token' && idp.mode === 'bad-signature' && up.statusCode === 200) {
          const json = JSON.parse(payload.toString());
          const [h, p, s] = (json.id_token as string).split('.');
          json.id_token = `${h}.${p}.${s!.slice(0, -6)}${s!.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
          payload = Buffer.from(JSON.stringify(json));
        }
        const outHeaders = { ...up.headers, 'content-length': String(payload.length) };
        delete outHeaders['transfer-encoding'];
        res.writeHead(up.statusCode ?? 502, outHeaders);
        res.end(payload);
      });
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    upstream.end(body);
  });
}

/** Taipei's 校園單一身分驗證 style: plain OAuth 2 with /oauth/authorize, /oauth/token, GET /api/user and /api/profile. */
export async function startTaipeiOAuth(opts: { redirectUri: string }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const people = new Map<string, CountyPerson & { uuid: string; role: string; email: string }>();
  const codes = new Map<string, { login: string; challenge: string }>();
  const tokens = new Map<string, string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url!, base);
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (url.pathname === '/oauth/authorize' && req.method === 'GET') {
      const q = url.searchParams;
      if (q.get('redirect_uri') !== opts.redirectUri || q.get('client_id') !== 'edusso') return send(400, { error: 'invalid_request' });
      return send(
        200,
        `<!doctype html><meta charset="utf-8"><title>校園單一身分驗證</title><form method="post" action="/oauth/authorize?${q}"><label>帳號 <input name="login"></label><button>登入</button></form>`,
        'text/html; charset=utf-8',
      );
    }
    if (url.pathname === '/oauth/authorize' && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const login = new URLSearchParams(body).get('login') ?? '';
        const q = url.searchParams;
        const back = new URL(q.get('redirect_uri')!);
        if (!people.has(login)) back.searchParams.set('error', 'access_denied');
        else {
          const code = `code-${Math.random().toString(36).slice(2)}`;
          codes.set(code, { login, challenge: q.get('code_challenge') ?? '' });
          back.searchParams.set('code', code);
        }
        back.searchParams.set('state', q.get('state') ?? '');
        res.writeHead(302, { location: back.href });
        res.end();
      });
      return;
    }
    if (url.pathname === '/oauth/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', async () => {
        const form = new URLSearchParams(body);
        const pending = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const { createHash } = await import('node:crypto');
        const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
        if (!pending || form.get('client_secret') !== 'taipei-secret' || challenge !== pending.challenge) return send(400, { error: 'invalid_grant' });
        const token = `tok-${Math.random().toString(36).slice(2)}`;
        tokens.set(token, pending.login);
        return send(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
      });
      return;
    }
    const login = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const person = login ? people.get(login) : undefined;
    if (!person) return send(401, { error: 'invalid_token' });
    if (url.pathname === '/api/user') return send(200, { data: { role: person.role, uuid: person.uuid, name: person.name, email: person.email, organisation: person.schoolCode } });
    if (url.pathname === '/api/profile') return send(200, { data: { idno: person.idNumber, titles: person.titles } });
    send(404, { error: 'not_found' });
  });
  await listen(server, port);
  return {
    base,
    people,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
