import { Agent, formOf } from './agent.ts';
import { TEST_CAPTCHA } from './server.ts';

/** An agent signed in on the SSO site through the real /login form; `ua` names its browser in the session list. */
export async function signedInAgent(issuer: string, username: string, password: string, ua?: string): Promise<Agent> {
  const agent = new Agent(issuer);
  const headers = ua ? { 'user-agent': ua } : undefined;
  const request = agent.request.bind(agent);
  if (headers) agent.request = (url, init = {}) => request(url, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
  const { action, fields } = formOf(await (await agent.get('/login')).text());
  const res = await agent.post(action, { ...fields, account: username, password, captcha: TEST_CAPTCHA, action: 'login' });
  if (res.status !== 302 && res.status !== 303) throw new Error(`sign-in as ${username} refused (${res.status}):\n${(await res.text()).slice(0, 1500)}`);
  return agent;
}

/** Whether the agent's SSO session still works: /account answers instead of sending it to sign in. */
export async function stillSignedIn(agent: Agent): Promise<boolean> {
  const res = await agent.get('/account');
  await res.body?.cancel();
  return res.status === 200;
}
