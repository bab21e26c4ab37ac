import { Agent } from './agent.ts';

/** An agent that comes from its own address: the server must trust X-Forwarded-For (TRUST_PROXY=true). */
export function agentFrom(base: string, ip: string): Agent {
  const agent = new Agent(base);
  const request = agent.request.bind(agent);
  agent.request = (url, init = {}) => request(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': ip } });
  return agent;
}
