/** 學制 in the order the registration form lists them. */
export const schoolLevels = ['幼兒園', '國小', '國中', '高中', '大專校院', '特教'] as const;
export type SchoolLevel = (typeof schoolLevels)[number];

export const isSchoolLevel = (s: string): s is SchoolLevel => (schoolLevels as readonly string[]).includes(s);

/** The level a school name implies, when the caller gave none. */
export function levelFromName(name: string): SchoolLevel | undefined {
  if (/特殊教育|特教|啟智|啟聰|啟明|啟仁/.test(name)) return '特教';
  if (/幼兒園|幼稚園/.test(name)) return '幼兒園';
  if (/大學|學院|專科/.test(name)) return '大專校院';
  if (/高中|高級中學|高級中等|高工|高商|高職|高農|高家|高級.*職業|完全中學/.test(name)) return '高中';
  if (/國中|國民中學|初中|中學/.test(name)) return '國中';
  if (/國小|國民小學|小學|實小|國\(中\)小/.test(name)) return '國小';
  return undefined;
}
