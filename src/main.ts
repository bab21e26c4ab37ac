import { parseArgs } from 'node:util';
import type { Flags } from './cli/flags.ts';
import { cliOptions, helpText } from './cli/help.ts';
import { CliError, printError } from './cli/output.ts';
import { loadSettings, SettingsError } from './config/settings.ts';
import { createLogger } from './app/logger.ts';

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
    const commandKey = ['account', 'accounts', 'client', 'keys', 'import', 'demo', 'county', 'records', 'role', 'students'].includes(command) ? `${command} ${sub ?? ''}` : command;
    const known = ['serve', 'migrate', 'account create', 'accounts disable-inactive', 'client add', 'client list', 'client remove', 'client update', 'client rotate-secret', 'client disable', 'client enable', 'keys rotate', 'import schools', 'import people', 'demo people', 'county add', 'county list', 'county remove', 'county test', 'records purge', 'role grant', 'role revoke', 'role list', 'students provision'];
    if (!known.includes(commandKey.trim())) throw new CliError(`unknown command "${[command, sub].filter(Boolean).join(' ')}"; see edusso --help`);
    // Each process loads only what its command needs (a service's supervisor never loads the web app).
    if (command === 'serve') {
      const { serveCommand } = await import('./app/serve-command.ts');
      await serveCommand(settings, createLogger(settings), typeof flags.workers === 'string' ? flags.workers : undefined);
      return -1;
    }
    // Commands share the service's database; they report slow first-start steps on stderr (stdout may be --json).
    const [{ createServices }, { accountCreate, accountsDisableInactive, clientAdd, clientList, clientRemove, keysRotate, migrateCommand, recordsPurge }, { demoPeople, importPeopleCommand, importSchools }, { countyAdd, countyList, countyRemove, countyTest }, { roleGrant, roleList, roleRevoke }, { studentsProvision }] =
      await Promise.all([import('./app/compose.ts'), import('./cli/commands.ts'), import('./cli/import-commands.ts'), import('./cli/county-commands.ts'), import('./cli/role-commands.ts'), import('./cli/student-commands.ts')]);
    const s = await createServices(settings, createLogger({ logLevel: 'warn' }), { say: (line) => process.stderr.write(`edusso: ${line}\n`) });
    try {
      switch (commandKey.trim()) {
        case 'migrate': await migrateCommand(s, json); break;
        case 'account create': await accountCreate(s, flags, json); break;
        case 'accounts disable-inactive': await accountsDisableInactive(s, flags, json); break;
        case 'client add': await clientAdd(s, flags, json); break;
        case 'client list': await clientList(s, json); break;
        case 'client remove': await clientRemove(s, flags, json, rest); break;
        case 'client update': await (await import('./cli/client-commands.ts')).clientUpdate(s, flags, json, rest); break;
        case 'client rotate-secret': await (await import('./cli/client-commands.ts')).clientRotateSecret(s, flags, json, rest); break;
        case 'client disable': await (await import('./cli/client-commands.ts')).clientSetDisabled(s, flags, json, rest, true); break;
        case 'client enable': await (await import('./cli/client-commands.ts')).clientSetDisabled(s, flags, json, rest, false); break;
        case 'keys rotate': await keysRotate(s, json); break;
        case 'import schools': await importSchools(s, flags, json, rest[0]); break;
        case 'import people': await importPeopleCommand(s, flags, json, rest[0]); break;
        case 'demo people': await demoPeople(s, flags, json); break;
        case 'county add': await countyAdd(s, flags, json); break;
        case 'county list': await countyList(s, json); break;
        case 'county remove': await countyRemove(s, json, rest[0]); break;
        case 'county test': await countyTest(s, json, rest[0]); break;
        case 'records purge': await recordsPurge(s, flags, json); break;
        case 'role grant': await roleGrant(s, flags, json); break;
        case 'role revoke': await roleRevoke(s, flags, json); break;
        case 'role list': await roleList(s, flags, json); break;
        case 'students provision': await studentsProvision(s, flags, json); break;
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
