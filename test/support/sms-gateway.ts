import { createServer, type Server } from 'node:http';

export interface ReceivedSms {
  username: string;
  password: string;
  to: string;
  text: string;
}

/**
 * A stand-in for the Mitake-style SMS gateway (src/notify: httpSmsGateway): it accepts only what the
 * real one does, a form POST with username, password, dstaddr and smbody, and answers its status lines.
 */
export async function startSmsGateway(): Promise<{ url: string; received: ReceivedSms[]; refused: string[]; close(): Promise<void> }> {
  const received: ReceivedSms[] = [];
  const refused: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const problem =
        req.method !== 'POST' ? 'not a POST'
        : !String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded') ? `content-type ${req.headers['content-type']}`
        : (['username', 'password', 'dstaddr', 'smbody'] as const).find((k) => !form.get(k)) ?? (/^09\d{8}$/.test(form.get('dstaddr')!) ? undefined : 'dstaddr');
      if (problem) {
        refused.push(problem);
        return res.end('statuscode=e\nError=bad request\n');
      }
      received.push({ username: form.get('username')!, password: form.get('password')!, to: form.get('dstaddr')!, text: form.get('smbody')! });
      res.end(`msgid=${received.length}\nstatuscode=1\n`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/SmSend`,
    received,
    refused,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
