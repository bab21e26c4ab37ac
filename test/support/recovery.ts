import { Agent, formOf } from './agent.ts';
import { outbox } from './registration.ts';
import { TEST_CAPTCHA } from './server.ts';

export const teacher = { username: 'demo.teacher', email: 'demo.teacher@example.edu.tw', mobile: '0912345678', name: '王小明' };

export type Page = { status: number; url: string; html: string };

/** Posts the page's first form with these fields, following one redirect. */
export async function postForm(agent: Agent, html: string, fields: Record<string, string>): Promise<Page> {
  const { action, fields: hidden } = formOf(html);
  const res = await agent.post(action, { ...hidden, ...fields });
  const location = res.headers.get('location');
  if ((res.status === 302 || res.status === 303) && location) {
    const next = await agent.get(location);
    return { status: next.status, url: location, html: await next.text() };
  }
  return { status: res.status, url: action, html: await res.text() };
}

/** A new flow at `base` (/forgot-password/code or /activate), the account and the captcha posted. */
export async function requestCode(agent: Agent, account: string, base = '/forgot-password/code', captcha = TEST_CAPTCHA): Promise<Page> {
  const start = await agent.follow(`${base}?new=1`);
  return postForm(agent, await start.res.text(), { account, captcha, action: 'send' });
}

export async function enterCode(agent: Agent, code: string, base = '/forgot-password/code'): Promise<Page> {
  const page = await agent.get(`${base}/code`);
  return postForm(agent, await page.text(), { code, action: 'verify' });
}

/** The newest 6-digit code sent to an address, from the development outbox. */
export async function codeFor(agent: Agent, to: string): Promise<string | undefined> {
  const m = (await outbox(agent)).find((x) => x.to === to && /驗證碼|code/.test(x.subject + x.text) && /\d{6}/.test(x.text));
  return m && /(\d{6})/.exec(m.text)?.[1];
}

export async function messagesTo(agent: Agent, to: string) {
  return (await outbox(agent)).filter((m) => m.to === to);
}
