/** 學制 in the order the registration form lists them. */
export const schoolLevels = ['幼兒園', '國小', '國中', '高中', '大專校院', '特教'] as const;
export type SchoolLevel = (typeof schoolLevels)[number];

export const isSchoolLevel = (s: string): s is SchoolLevel => (schoolLevels as readonly string[]).includes(s);

const keywords: [SchoolLevel, RegExp][] = [
  ['幼兒園', /幼兒園|幼稚園/g],
  ['國小', /國小|國民小學|小學|附小|實小/g],
  ['國中', /國中|國民中學|初中/g],
  ['高中', /高中|高級中學|高級中等|高級[^學]{0,6}中學|高工|高商|高職|高農|高家|職業學校|附中|完全中學/g],
  ['大專校院', /大學|學院|專科/g],
  ['特教', /特殊教育|特教|啟明學校|啟聰學校|啟智學校|啟仁學校/g],
];

/**
 * The level a school name implies, when the caller gave none. The keyword ending last wins, because
 * names nest: 國立臺北教育大學附設實驗國民小學 is a 國小, 私立淡江高中附設國小部 too, 國小附設幼兒園 a 幼兒園.
 */
export function levelFromName(name: string): SchoolLevel | undefined {
  let best: { level: SchoolLevel; end: number } | undefined;
  for (const [level, re] of keywords) {
    for (const m of name.matchAll(re)) {
      const end = m.index + m[0].length;
      if (!best || end > best.end) best = { level, end };
    }
  }
  return best?.level;
}
