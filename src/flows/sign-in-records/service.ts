import type { Store } from '../../storage/ports.ts';
import { recordRow } from './flow.ts';

/**
 * 應用服務登入紀錄 (捌.2) and ＩＰ登入紀錄 (玖): reads only. Records are written where sign-ins happen
 * (login, county, oidc-provider's `authorization.success`) and purged after the retention period.
 */
export function signInRecordsService(d: { store: Store }) {
  return {
    async records(accountId: string, kind: 'application' | 'authentication', count: number) {
      return (await d.store.signIns.forAccount(accountId, kind, count)).map(recordRow);
    },
    /** Deletes records older than `days`; returns how many (the daily job and `edusso records purge`). */
    purge: (days: number) => d.store.signIns.purgeOlderThan(days),
  };
}
export type SignInRecordsService = ReturnType<typeof signInRecordsService>;
