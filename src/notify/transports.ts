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
  const transport = nodemailer.createTransport(url);
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
