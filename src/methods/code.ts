import { randomInt } from 'node:crypto';
import type { Lang } from '../i18n/translate.ts';
import { verificationCodeMessage } from '../notify/templates.ts';
import { constantTimeEqual, randomToken, sha256 } from '../security/tokens.ts';
import type { Channel, Store } from '../storage/ports.ts';

export const CODE_TTL_SECONDS = 10 * 60;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_SECONDS = 60;

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'locked';
export type CodePurpose = 'registration' | 'reset' | 'activation' | 'contacts';

/**
 * Proving an email address or a phone by a 6-digit code: stored hashed, single-use, valid 10 minutes,
 * and dead after 5 wrong tries. A new code for the same flow and channel replaces the old one.
 */
export function codeMethod(store: Store, hooks: { kickDelivery?: () => void } = {}) {
  const hash = (flowId: string, code: string) => sha256(`${flowId}:${code}`);
  return {
    /** Issues a code per target and queues its message, all in one transaction, then wakes delivery. */
    /** `lang` is the language the person is using: the message is written in it. */
    async send(flowId: string, purpose: CodePurpose, targets: { channel: Channel; to: string }[], lang: Lang = 'zh-TW'): Promise<void> {
      await store.transaction(async (repos) => {
        for (const { channel, to } of targets) {
          const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
          await repos.codes.replace({ id: randomToken(12), flowId, purpose, channel, target: to, codeHash: hash(flowId, code), ttlSeconds: CODE_TTL_SECONDS });
          const message = verificationCodeMessage(code, CODE_TTL_SECONDS / 60, purpose, lang);
          await repos.outbox.enqueue({ channel, to, subject: message.subject, text: channel === 'sms' ? message.sms : message.text });
        }
      });
      hooks.kickDelivery?.();
    },
    /**
     * One code for several targets (SPEC 陸.1: the same code goes to the email and the mobile), stored
     * once under `key`. With no targets the code is still made and stored (the same work, no message):
     * what a request for an unknown account does, so both take the same time.
     */
    async sendShared(flowId: string, purpose: CodePurpose, key: string, targets: { channel: Channel; to: string }[], lang: Lang = 'zh-TW'): Promise<void> {
      await store.transaction(async (repos) => {
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        await repos.codes.replace({ id: randomToken(12), flowId, purpose, channel: 'email', target: key, codeHash: hash(flowId, code), ttlSeconds: CODE_TTL_SECONDS });
        const message = verificationCodeMessage(code, CODE_TTL_SECONDS / 60, purpose, lang);
        for (const { channel, to } of targets) await repos.outbox.enqueue({ channel, to, subject: message.subject, text: channel === 'sms' ? message.sms : message.text });
        // Pretending: as many round trips as the two messages would have taken.
        if (!targets.length) for (let i = 0; i < 2; i++) await repos.health.ping();
      });
      // Woken even when pretending: the delivery loop's look at the outbox costs the same either way.
      hooks.kickDelivery?.();
    },
    /** Seconds until another code may be sent on this channel (0 when it may). */
    async resendWait(flowId: string, channel: Channel): Promise<number> {
      const age = await store.codes.secondsSinceIssued(flowId, channel);
      return age === undefined ? 0 : Math.max(0, CODE_RESEND_SECONDS - age);
    },
    /** Counts the attempt first, so parallel guesses cannot exceed the cap. */
    async check(flowId: string, channel: Channel, target: string, code: string): Promise<CodeCheck> {
      const row = await store.codes.countAttempt(flowId, channel, target);
      if (!row || !row.live) return 'expired';
      if (row.attempts > CODE_MAX_ATTEMPTS) return 'locked';
      if (!/^\d{6}$/.test(code) || !constantTimeEqual(hash(flowId, code), row.codeHash)) return 'wrong';
      return (await store.codes.consume(row.id)) ? 'ok' : 'expired';
    },
  };
}
export type CodeMethod = ReturnType<typeof codeMethod>;
