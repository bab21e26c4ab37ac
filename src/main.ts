import { createServer, type Server } from 'node:http';
import { parseArgs } from 'node:util';
import { accountCreate, clientAdd, clientList, clientRemove, keysRotate, migrateCommand } from './cli/commands.ts';
import type { Flags } from './cli/flags.ts';
import { cliOptions, helpText } from './cli/help.ts';
import { demoPeople, importPeopleCommand, importSchools } from './cli/import-commands.ts';
import { countyAdd, countyList, countyRemove, countyTest } from './cli/county-commands.ts';
import { CliError, printError } from './cli/output.ts';
import { loadSettings, SettingsError } from './config/settings.ts';
import { startDeliveryLoop } from './notify/delivery.ts';
import { httpSmsGateway, smtpMailer, type Transports } from './notify/transports.ts';
import { sweepExpired } from './storage/sweep.ts';
import type { Settings } from './config/settings.ts';
import { demoAccounts, demoSourcePeople, seedDemo } from './seed/demo.ts';
import { createLogger, createServices, type Services } from './services.ts';
import { createWebApp } from './web/app.ts';
import type { LiveProvider } from './oidc/live-provider.ts';

function transportsFor(settings: Settings): Transports {
  return {
    email: settings.smtpUrl ? smtpMailer(settings.smtpUrl, settings.mailFrom) : undefined,
    sms: settings.sms ? httpSmsGateway(settings.sms) : undefined,
  };
}

/** Starts the HTTP service; resolves once it listens. */
export async function serve(s: Services): Promise<{ server: Server; oidc: LiveProvider; close: () => Promise<void> }> {
  const delivery = startDeliveryLoop(s.db, transportsFor(s.settings), s.log);
  const { app, oidc } = await createWebApp(s, { kickDelivery: delivery.kick });
  if (s.settings.seedDemo) await seedDemo(s, oidc.provider);
  const server = createServer(app.callback());
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(s.settings.port, s.settings.host, resolve));
  const sweeper = setInterval(() => sweepExpired(s.db).catch((err) => s.log.error({ err }, 'sweep failed')), 10 * 60_000);
  sweeper.unref();
  return {
    server,
    oidc,
    close: async () => {
      clearInterval(sweeper);
      oidc.stop();
      await delivery.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await s.db.close();
    },
  };
}

function announce(s: Services) {
  const { issuer } = s.settings;
  const lines = [
    `edusso is running at ${issuer}  (storage: ${s.db.driver}${s.db.driver === 'pglite' ? ` in ${s.settings.dataDir}` : ''})`,
    `  SSO site:        ${issuer}/`,
    ...(s.settings.seedDemo ? [`  demo application: ${issuer}/demo`] : []),
    `  discovery:       ${issuer}/.well-known/openid-configuration`,
    ...(s.settings.devOutbox ? [`  outbox (dev):    ${issuer}/dev/outbox  (mail${s.settings.smtpUrl ? ' is sent over SMTP; SMS' : ' and SMS'} stay here)`] : []),
  ];
  if (!s.settings.production && s.settings.seedDemo) {
    lines.push('  demo accounts (development only):');
    for (const a of demoAccounts) lines.push(`    ${a.username} / ${a.password}   (${a.displayName}, ${a.affiliation.identity})`);
    lines.push('  try registering (申請帳號) as one of these people from the demo source data:');
    for (const p of demoSourcePeople) lines.push(`    ${p.name}  ${p.idNumber}  ${p.birthday.replaceAll('-', '/')}  (${p.identity}, school ${p.schoolCode})`);
    if (s.settings.captchaTestAnswer) lines.push(`  CAPTCHA_TEST_ANSWER=${s.settings.captchaTestAnswer} is accepted as any captcha answer`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: cliOptions,
  });
  const flags = values as Flags;
  const json = flags.json === true;
  const [command = 'serve', sub, ...rest] = positionals;
  if (flags.help || command === 'help') {
    process.stdout.write(helpText + '\n');
    return 0;
  }
  try {
    const settings = loadSettings();
    const commandKey = ['account', 'client', 'keys', 'import', 'demo', 'county'].includes(command) ? `${command} ${sub ?? ''}` : command;
    const known = ['serve', 'migrate', 'account create', 'client add', 'client list', 'client remove', 'keys rotate', 'import schools', 'import people', 'demo people', 'county add', 'county list', 'county remove', 'county test'];
    if (!known.includes(commandKey.trim())) throw new CliError(`unknown command "${[command, sub].filter(Boolean).join(' ')}"; see edusso --help`);
    const log = createLogger(command === 'serve' ? settings : { logLevel: 'warn' });
    const s = await createServices(settings, log);
    if (command === 'serve') {
      const running = await serve(s);
      announce(s);
      const stop = async (signal: string) => {
        log.info({ signal }, 'shutting down');
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    try {
      switch (commandKey.trim()) {
        case 'migrate': await migrateCommand(s, json); break;
        case 'account create': await accountCreate(s, flags, json); break;
        case 'client add': await clientAdd(s, flags, json); break;
        case 'client list': await clientList(s, json); break;
        case 'client remove': await clientRemove(s, flags, json, rest); break;
        case 'keys rotate': await keysRotate(s, json); break;
        case 'import schools': await importSchools(s, flags, json, rest[0]); break;
        case 'import people': await importPeopleCommand(s, flags, json, rest[0]); break;
        case 'demo people': await demoPeople(s, flags, json); break;
        case 'county add': await countyAdd(s, flags, json); break;
        case 'county list': await countyList(s, json); break;
        case 'county remove': await countyRemove(s, json, rest[0]); break;
        case 'county test': await countyTest(s, json, rest[0]); break;
      }
    } finally {
      await s.db.close();
    }
    return 0;
  } catch (err) {
    if (err instanceof SettingsError) {
      printError(json, new CliError(err.message));
      return 78;
    }
    if (err instanceof CliError) {
      printError(json, err);
      return err.exitCode;
    }
    throw err;
  }
}

if (import.meta.main) {
  run(process.argv.slice(2)).then(
    (code) => code >= 0 && process.exit(code || Number(process.exitCode ?? 0)),
    (err) => {
      process.stderr.write(`edusso: ${err instanceof Error ? err.stack : err}\n`);
      process.exit(1);
    },
  );
}
