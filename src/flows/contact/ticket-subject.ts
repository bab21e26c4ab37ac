import type { Repos } from '../../storage/ports.ts';

/**
 * Who and where a new ticket is about, for the helpdesk queue: the existing account it names (by
 * account name or by the identity number's keyed hash) and its county — the school or county chosen
 * in the registration report, else the named account's primary school.
 */
export async function ticketSubject(
  repos: Pick<Repos, 'accounts' | 'directory'>,
  who: { username?: string; idHash?: string },
  place: { school?: string; county?: string } | undefined,
): Promise<{ accountId: string | null; countyCode: string | null }> {
  const account = who.username ? await repos.accounts.findByUsername(who.username) : who.idHash ? await repos.accounts.findByPersonHash(who.idHash) : undefined;
  let county = place?.school ? await repos.directory.countyOfSchoolCode(place.school) : undefined;
  if (!county && place?.county) county = await repos.directory.findCounty(place.county);
  if (!county && account) {
    const [primary] = (await repos.accounts.affiliations(account.id)).sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
    if (primary) county = await repos.directory.countyOfSchoolCode(primary.schoolCode);
  }
  return { accountId: account?.id ?? null, countyCode: county?.code ?? null };
}
