import { text, type Lang } from './translate.ts';

/** A county or district in the page's language: its English name from the shipped data on English pages. */
export const placeName = (lang: Lang, place: { name: string; english?: string | null }) => (lang === 'en' && place.english ? place.english : place.name);

/** A school level (學制) in the page's language; a level the catalog does not know keeps its own name. */
export const levelName = (lang: Lang, level: string) => {
  const key = `level.${level}`;
  const found = text(lang, key);
  return found === key ? level : found;
};
