import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's oathtool, an implementation of RFC 6238 independent of ours; CI must have it (.ci/run installs it). */
export const OATHTOOL = '/usr/bin/oathtool';

export function oathtoolSkipReason(): string | undefined {
  if (existsSync(OATHTOOL)) return undefined;
  if (process.env.CI === 'true') throw new Error(`${OATHTOOL} is missing on CI`);
  return 'oathtool is not installed (apt-get install oathtool)';
}

/** The code oathtool computes for a base32 secret at an instant (default now). */
export function oathtool(secretBase32: string, at?: Date): string {
  const args = ['--totp', '-b'];
  if (at) args.push(`--now=${at.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`);
  return execFileSync(OATHTOOL, [...args, secretBase32], { encoding: 'utf8' }).trim();
}
