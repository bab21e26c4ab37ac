import { createServer, type Server } from 'node:http';
import { startDeliveryLoop } from '../notify/delivery.ts';
import { httpSmsGateway, smtpMailer, type Transports } from '../notify/transports.ts';
import type { LiveProvider } from '../oidc/live-provider.ts';
import type { Settings } from '../config/settings.ts';
import { seedDemo } from '../seed/demo.ts';
import type { Services } from './compose.ts';
import { sweepExpired } from '../storage/sweep.ts';
import { createWebApp } from '../web/app.ts';

function transportsFor(settings: Settings): Transports {
  return {
    email: settings.smtpUrl ? smtpMailer(settings.smtpUrl, settings.mailFrom) : undefined,
    sms: settings.sms ? httpSmsGateway(settings.sms) : undefined,
  };
}

export interface Running {
  server: Server;
  oidc: LiveProvider;
  close(): Promise<void>;
}

/**
 * Starts the HTTP service on the composed services; resolves once it listens. `seed: false` lets
 * all but one worker process skip the demo data.
 */
export async function serve(s: Services, opts: { seed?: boolean } = {}): Promise<Running> {
  const delivery = startDeliveryLoop(s.store.outbox, transportsFor(s.settings), s.log);
  const { app, oidc } = await createWebApp(s, { kickDelivery: delivery.kick });
  if (s.settings.seedDemo && opts.seed !== false) await seedDemo(s, oidc.provider);
  const server = createServer(app.callback());
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(s.settings.port, s.settings.host, resolve);
    });
  } catch (err) {
    oidc.stop();
    await delivery.stop();
    throw err;
  }
  const sweeper = setInterval(() => sweepExpired(s.db).catch((err) => s.log.error({ err }, 'sweep failed')), 10 * 60_000);
  sweeper.unref();
  // SPEC 柒: INACTIVE_DISABLE_DAYS > 0 disables accounts without a sign-in, a minute after start and then daily (idempotent on every node).
  const disableInactive = () =>
    s.accountAdmin
      .disableInactive(s.settings.inactiveDisableDays)
      .then((ids) => ids.length && s.log.info({ disabled: ids.length }, 'inactive accounts disabled'))
      .catch((err) => s.log.error({ err }, 'disabling inactive accounts failed'));
  const inactivity = s.settings.inactiveDisableDays > 0 ? [setTimeout(disableInactive, 60_000), setInterval(disableInactive, 24 * 60 * 60_000)] : [];
  // Sign-in records (捌.2, 玖) older than SIGN_IN_RECORD_RETENTION_DAYS go, a minute after start and then daily.
  const purgeRecords = () =>
    s.signInRecords
      .purge(s.settings.signInRecordRetentionDays)
      .then((n) => s.log.info({ purged: n, days: s.settings.signInRecordRetentionDays }, 'old sign-in records purged'))
      .catch((err) => s.log.error({ err }, 'purging sign-in records failed'));
  inactivity.push(setTimeout(purgeRecords, 60_000), setInterval(purgeRecords, 24 * 60 * 60_000));
  for (const timer of inactivity) timer.unref();
  return {
    server,
    oidc,
    close: async () => {
      clearInterval(sweeper);
      for (const timer of inactivity) clearInterval(timer);
      oidc.stop();
      await delivery.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await s.db.close();
    },
  };
}
