import type { Logger } from 'pino';
import type { OutboxRepo } from '../storage/ports.ts';
import type { Transports } from './transports.ts';

const BACKOFF_BASE_SECONDS = 5;
const BACKOFF_MAX_SECONDS = 3600;
const CLAIM_SECONDS = 60;

/**
 * Sends what is due. Rows are claimed for a minute first, so several nodes never send one message
 * twice; a failure is retried later with exponential backoff. A channel with no transport stays
 * queued (the development outbox shows it).
 */
export async function deliverPending(outbox: OutboxRepo, transports: Transports, opts: { batch?: number; log?: Logger } = {}): Promise<{ sent: number; failed: number }> {
  const channels = (['email', 'sms'] as const).filter((c) => transports[c]);
  if (!channels.length) return { sent: 0, failed: 0 };
  const claimed = await outbox.claimDue(channels, opts.batch ?? 50, CLAIM_SECONDS);
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    try {
      if (m.channel === 'email') await transports.email!.send(m.recipient, m.subject, m.body);
      else await transports.sms!.send(m.recipient, m.body);
      await outbox.markSent(m.id);
      sent++;
    } catch (err) {
      failed++;
      const wait = Math.min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** m.attempts);
      await outbox.markFailed(m.id, String((err as Error).message), wait);
      opts.log?.warn({ outboxId: m.id, channel: m.channel, attempts: m.attempts + 1, retryInSeconds: wait, error: (err as Error).message }, 'delivery failed');
    }
  }
  return { sent, failed };
}

/** Delivers every interval and whenever kicked; runs never overlap. */
export function startDeliveryLoop(outbox: OutboxRepo, transports: Transports, log: Logger, intervalMs = 2000) {
  let running: Promise<unknown> | undefined;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = deliverPending(outbox, transports, { log })
      .catch((err) => log.error({ err }, 'outbox delivery crashed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    kick: run,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
