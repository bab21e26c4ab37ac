import type { RateLimitPolicy, RateLimits } from '../../security/rate-limit.ts';

/** Failed identity checks from one address per hour: new flows do not reset this one. */
export const verifyFailuresPerAddress: RateLimitPolicy = { name: 'registration.verify', points: 30, windowSeconds: 60 * 60 };

export interface VerifyLimit {
  /** Whether this address has failed identity verification too often lately. */
  blocked(ip: string | undefined): Promise<boolean>;
  /** Counts a failed check against the address. */
  failed(ip: string | undefined): Promise<void>;
}

/** Per address across every registration flow, on the shared rate-limit store. */
export function verifyLimit(limits: RateLimits): VerifyLimit {
  return {
    async blocked(ip) {
      return Boolean(ip) && (await limits.get(verifyFailuresPerAddress, ip!)).remaining <= 0;
    },
    async failed(ip) {
      if (ip) await limits.penalty(verifyFailuresPerAddress, ip);
    },
  };
}
