import { randomToken, sha256 } from '../../security/tokens.ts';
import type { FlowRepo, FlowRow } from '../../storage/ports.ts';

export type StoredFlow<S> = FlowRow<S>;

/**
 * Self-service flows as stored objects with an expiry. The browser holds a random token in a cookie;
 * the database keys the flow by its hash. Saving checks the version, so of two submits racing on
 * the same step only the first one advances the flow.
 */
export function flowStore<S>(repo: FlowRepo, kind: string, ttlSeconds: number) {
  return {
    kind,
    ttlSeconds,
    async create(state: S): Promise<{ token: string; flow: StoredFlow<S> }> {
      const token = randomToken();
      const id = sha256(token);
      await repo.create(id, kind, state, ttlSeconds);
      return { token, flow: { id, state, version: 0 } };
    },
    async load(token: string | undefined): Promise<StoredFlow<S> | undefined> {
      if (!token || token.length > 100) return undefined;
      return repo.load<S>(sha256(token), kind);
    },
    /** Saves the new state if nobody saved since it was loaded; returns whether it did. `inside` is a transaction's flow repository. */
    async save(flow: StoredFlow<S>, state: S, inside: FlowRepo = repo): Promise<boolean> {
      return inside.save(flow.id, flow.version, state);
    },
    async remove(flow: { id: string }): Promise<void> {
      await repo.remove(flow.id);
    },
  };
}
export type FlowStore<S> = ReturnType<typeof flowStore<S>>;
