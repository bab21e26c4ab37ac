import pino, { type Logger } from 'pino';
import type { Settings } from '../config/settings.ts';

// Never log these, wherever they appear in a logged object.
const redact = ['password', 'secret', 'client_secret', 'code', 'token', 'access_token', 'refresh_token', 'id_token', 'id_number', 'birthday', 'captcha', 'cookie', 'authorization']
  .flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export function createLogger(settings: Pick<Settings, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options = { level: settings.logLevel, redact: { paths: redact, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
