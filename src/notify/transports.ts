import nodemailer from 'nodemailer';

export interface Mailer {
  send(to: string, subject: string, text: string): Promise<void>;
}
export interface SmsGateway {
  send(to: string, text: string): Promise<void>;
}
export interface Transports {
  email?: Mailer;
  sms?: SmsGateway;
}

export function smtpMailer(url: string, from: string): Mailer {
  // Well under the outbox's 60 s claim: a hung server must not let another node send the mail again.
  // (nodemailer reads options from the connection URL's query; settings given there win.)
  const withTimeouts = new URL(url);
  for (const [name, ms] of [['connectionTimeout', 15_000], ['greetingTimeout', 15_000], ['socketTimeout', 30_000]] as const)
    if (!withTimeouts.searchParams.has(name)) withTimeouts.searchParams.set(name, String(ms));
  const transport = nodemailer.createTransport(withTimeouts.href);
  return {
    async send(to, subject, text) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}

/**
 * Taiwanese SMS gateways in the Mitake style: a form POST of username, password, dstaddr and
 * smbody; the reply carries statuscode=N, where 0–4 mean accepted.
 */
export function httpSmsGateway(c: { url: string; username: string; password: string }): SmsGateway {
  return {
    async send(to, text) {
      const res = await fetch(c.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: new URLSearchParams({ username: c.username, password: c.password, dstaddr: to, smbody: text }).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      const reply = await res.text();
      const status = /statuscode=(\w+)/i.exec(reply)?.[1];
      if (!res.ok || (status !== undefined && !/^[0-4]$/.test(status))) throw new Error(`SMS gateway refused: HTTP ${res.status} statuscode=${status ?? '?'}`);
    },
  };
}
