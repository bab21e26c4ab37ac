import type { AuditRepo } from '../../storage/ports.ts';

/** Failed identity checks from one address per hour: new flows do not reset this one. */
export const MAX_VERIFY_FAILURES_PER_IP_HOUR = 30;

export interface VerifyLimit {
  /** Whether this address has failed identity verification too often lately. */
  blocked(ip: string | undefined): Promise<boolean>;
}

/**
 * Today's limit counts the audit log's `registration.verify_failed` events. This is the one place to
 * swap for the rate-limit port (the audit log keeps the events either way).
 */
export function auditCountingVerifyLimit(audit: AuditRepo): VerifyLimit {
  return {
    async blocked(ip) {
      return Boolean(ip) && (await audit.recentFromIp('registration.verify_failed', ip!, 60)) >= MAX_VERIFY_FAILURES_PER_IP_HOUR;
    },
  };
}
