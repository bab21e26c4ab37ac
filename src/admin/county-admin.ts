import type { CountyProvider, CountyProviders, NewProvider, ProviderChanges } from '../methods/county-providers.ts';
import type { AuditRepo } from '../storage/ports.ts';
import { actorOf } from './access.ts';
import type { ClientActor } from './clients.ts';

/** A county identity provider as the console and the API show it: its secret never leaves the server. */
export function providerView(p: CountyProvider) {
  return {
    id: p.id,
    countyCode: p.countyCode,
    countyName: p.countyName,
    displayName: p.displayName,
    kind: p.kind,
    issuer: p.issuer,
    clientId: p.clientId,
    scopes: p.scopes,
    claims: p.claims,
    labels: p.labels,
    endpoints: p.endpoints,
    hasIcon: p.hasIcon,
  };
}
export type ProviderView = ReturnType<typeof providerView>;

/** A second provider with the same id. */
export class ProviderExists extends Error {}

/**
 * County identity providers for the console and the API (capability admin:counties): the checks are
 * those of src/methods/county-providers.ts, which `edusso county …` uses too; every change is audited.
 */
export function countyAdmin(providers: CountyProviders, audit: AuditRepo) {
  async function record(actor: ClientActor, type: string, id: string, detail: Record<string, unknown> = {}) {
    const req = actor === 'cli' ? {} : (actor.req ?? {});
    await audit.record({ type, actor: actor === 'cli' ? 'cli' : actorOf(actor.principal), ip: req.ip, userAgent: req.userAgent, detail: { provider: id, ...detail } });
  }
  return {
    list: () => providers.list(),
    get: (id: string) => providers.get(id),
    async add(input: NewProvider, actor: ClientActor, icon?: Buffer) {
      if (input.id && (await providers.get(input.id))) throw new ProviderExists(input.id);
      let p: CountyProvider;
      try {
        p = await providers.add(input, icon);
      } catch (err) {
        if (/county_providers_pkey|duplicate key|unique/i.test(String((err as Error).message))) throw new ProviderExists(input.id ?? input.county);
        throw err;
      }
      await record(actor, 'county.provider-added', p.id, { county: p.countyCode });
      return p;
    },
    async update(id: string, changes: ProviderChanges, actor: ClientActor) {
      const p = await providers.update(id, changes);
      if (p) await record(actor, 'county.provider-updated', id, { fields: Object.keys(changes).filter((k) => k !== 'clientSecret' || changes.clientSecret) });
      return p;
    },
    async setIcon(id: string, bytes: Buffer, actor: ClientActor) {
      await providers.setIcon(id, bytes);
      await record(actor, 'county.provider-updated', id, { fields: ['icon'] });
    },
    async remove(id: string, actor: ClientActor) {
      const done = await providers.remove(id);
      if (done) await record(actor, 'county.provider-removed', id);
      return done;
    },
  };
}
export type CountyAdmin = ReturnType<typeof countyAdmin>;
