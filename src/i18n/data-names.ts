import { text, type Lang } from './translate.ts';

/** A county or district in the page's language: its English name from the shipped data on English pages. */
export const placeName = (lang: Lang, place: { name: string; english?: string | null }) => (lang === 'en' && place.english ? place.english : place.name);

/** A value stored in Chinese (a school level, an identity) in the page's language; an unknown one keeps its own name. */
function named(prefix: 'level' | 'identity', lang: Lang, value: string) {
  const key = `${prefix}.${value}`;
  const found = text(lang, key);
  return found === key ? value : found;
}

/** A school level (學制): 國小 → Elementary school. */
export const levelName = (lang: Lang, level: string) => named('level', lang, level);

/** An identity from the source data (身分): 教師 → Teacher. */
export const identityName = (lang: Lang, identity: string) => named('identity', lang, identity);
