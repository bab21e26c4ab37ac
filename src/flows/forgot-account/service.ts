import { taipeiTime } from '../../domain/taipei-time.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { validateIdNumber } from '../../domain/national-id.ts';
import { text, type Lang } from '../../i18n/translate.ts';
import type { CaptchaService } from '../../security/captcha/challenge.ts';
import type { PiiVault } from '../../security/pii.ts';
import type { RateLimitPolicy, RateLimits } from '../../security/rate-limit.ts';
import type { Store } from '../../storage/ports.ts';
import { afterLookup, type AccountDisplay, type LookupOutcome } from './flow.ts';

/** Lookups one address may make, and lookups of one number from anywhere. */
export const LOOKUP_PER_ADDRESS: RateLimitPolicy = { name: 'forgot-account.ip', points: 20, windowSeconds: 60 * 60 };
export const LOOKUP_PER_NUMBER: RateLimitPolicy = { name: 'forgot-account.number', points: 5, windowSeconds: 60 * 60 };
/**
 * Every lookup that reaches the accounts answers no sooner than this: with the same queries on both
 * ways (the account search, the audit event, one transaction), the floor hides what remains (the mail).
 */
export const LOOKUP_FLOOR_MS = 250;

export interface LookupInput {
  id_number: string;
  captcha_id: string;
  captcha: string;
}

/**
 * 伍.2 忘記帳號 by identity number: the only place this flow changes state (rate counters, the audit
 * event, the notice mailed to the account). A number without an account, whether or not its person
 * is in the source data, gets one message after the same work.
 */
export function forgotAccountService(d: {
  store: Store;
  pii: PiiVault;
  captcha: CaptchaService;
  limits: RateLimits;
  display: AccountDisplay;
  floorMs?: number;
  kickDelivery?: () => void;
}) {
  const floorMs = d.floorMs ?? LOOKUP_FLOOR_MS;
  const tooMany = (seconds: number): LookupOutcome => ({
    kind: 'form',
    error: { key: 'forgotAccount.tooMany', params: { minutes: Math.max(1, Math.ceil(seconds / 60)) } },
    retryAfterSeconds: seconds,
  });

  return {
    newCaptcha: () => d.captcha.issue(),

    async lookup(input: LookupInput, context: { ip: string; userAgent?: string; lang: Lang }): Promise<LookupOutcome> {
      const byAddress = await d.limits.consume(LOOKUP_PER_ADDRESS, context.ip);
      if (!byAddress.allowed) return tooMany(byAddress.retryAfterSeconds);
      if (!(await d.captcha.check(input.captcha_id, input.captcha))) return { kind: 'form', field: 'captcha', error: { key: 'forgotAccount.captchaWrong' } };
      const id = validateIdNumber(input.id_number, { allowOther: true });
      if (!id.ok) return { kind: 'form', field: 'id_number', error: { key: id.error } };
      const idHash = d.pii.idHash(id.value.value);
      const byNumber = await d.limits.consume(LOOKUP_PER_NUMBER, idHash);
      if (!byNumber.allowed) return tooMany(byNumber.retryAfterSeconds);

      const started = performance.now();
      const account = await d.store.accounts.findByPersonHash(idHash);
      const outcome = afterLookup(account, d.display);
      const mailed = await d.store.transaction(async (repos) => {
        await repos.audit.record({
          type: 'account.lookup',
          accountId: account?.id ?? null,
          ip: context.ip,
          userAgent: context.userAgent,
          detail: { method: 'id-number', display: d.display, found: Boolean(account) },
        });
        if (!account?.email || !account.emailVerified) return false;
        const time = taipeiTime(new Date());
        const lines = [text(context.lang, 'forgotAccount.mail.text', { time })];
        if (d.display === 'masked') lines.push(text(context.lang, 'forgotAccount.mail.full', { username: account.username }));
        await repos.outbox.enqueue({ channel: 'email', to: account.email, subject: text(context.lang, 'forgotAccount.mail.subject'), text: lines.join('\n\n') });
        return true;
      });
      if (mailed) d.kickDelivery?.();
      const left = floorMs - (performance.now() - started);
      if (left > 0) await sleep(left);
      return outcome;
    },
  };
}
export type ForgotAccountService = ReturnType<typeof forgotAccountService>;
