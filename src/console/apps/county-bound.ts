import { z } from 'zod';
import type { DirectoryRepo } from '../../storage/ports.ts';

/** A service client's county bound, given by name or code, as the county code; an unknown county is refused on its field. */
export async function resolveCounty(directory: DirectoryRepo, given: string | null | undefined): Promise<string | undefined> {
  if (!given?.trim()) return undefined;
  const county = await directory.findCounty(given.trim());
  if (!county) throw new z.ZodError([{ code: 'custom', path: ['adminCounty'], message: 'unknown county', input: given }]);
  return county.code;
}
