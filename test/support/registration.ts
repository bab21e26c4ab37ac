import { sqlDirectory } from '../../src/storage/sql/directory.ts';
import type { Db } from '../../src/storage/db.ts';
import { Agent, formOf } from './agent.ts';
import { TEST_CAPTCHA } from './server.ts';

export interface Person {
  schoolCode: string;
  idNumber: string;
  name: string;
  birthday: string; // as typed: YYYY/M/D
}

/** Posts the current step's form (its hidden fields plus these) and returns the next page. */
export async function submit(agent: Agent, path: string, fields: Record<string, string>) {
  const page = await agent.get(path);
  const html = await page.text();
  const { action, fields: hidden } = formOf(html);
  const res = await agent.post(action, { ...hidden, ...fields });
  const location = res.headers.get('location');
  if (res.status === 303 && location) {
    const next = await agent.get(location);
    return { status: next.status, url: location, html: await next.text(), posted: res.status };
  }
  return { status: res.status, url: path, html: await res.text(), posted: res.status };
}

export async function outbox(agent: Agent): Promise<{ channel: string; to: string; subject: string; text: string }[]> {
  return (await (await agent.get('/dev/outbox.json')).json()) as never;
}

export async function latestCode(agent: Agent, to: string): Promise<string> {
  const m = (await outbox(agent)).find((x) => x.to === to);
  const code = m && /(\d{6})/.exec(m.text)?.[1];
  if (!code) throw new Error(`no code sent to ${to}`);
  return code;
}

/** Walks the registration up to (not including) the account step. */
export async function throughVerification(agent: Agent, db: Db, person: Person) {
  await agent.get('/register?new=1');
  await submit(agent, '/register/identity', { role: 'teacher' });
  const school = (await sqlDirectory(db).getSchool(person.schoolCode))!;
  await submit(agent, '/register/school', { county: school.countyCode, district: school.districtCode!, level: school.level, school: school.code, action: 'next' });
  return submit(agent, '/register/verify', { name: person.name, id_number: person.idNumber, birthday: person.birthday, captcha: TEST_CAPTCHA, action: 'next' });
}

/** The whole registration through the forms, reading codes from the development outbox. */
export async function register(agent: Agent, db: Db, person: Person, account: { username: string; password: string; email: string; mobile: string }) {
  const verified = await throughVerification(agent, db, person);
  if (!verified.url.endsWith('/confirm')) throw new Error(`verification failed:\n${verified.html.slice(0, 3000)}`);
  await submit(agent, '/register/confirm', {});
  await submit(agent, '/register/privacy', { decision: 'agree' });
  const codes = await submit(agent, '/register/account', { username: account.username, password: account.password, password2: account.password, email: account.email, mobile: account.mobile });
  if (!codes.url.endsWith('/codes')) throw new Error(`account step failed:\n${codes.html.slice(0, 3000)}`);
  const review = await submit(agent, '/register/codes', {
    email_code: await latestCode(agent, account.email),
    sms_code: await latestCode(agent, account.mobile),
    action: 'verify',
  });
  if (!review.url.endsWith('/review')) throw new Error(`codes step failed:\n${review.html.slice(0, 3000)}`);
  return submit(agent, '/register/review', { action: 'complete' });
}
