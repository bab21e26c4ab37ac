import { readFileSync } from 'node:fs';

export interface Place {
  code: string;
  name: string;
  english: string;
  fullname: string;
}
export interface District extends Place {
  countyCode: string;
}

const asset = (name: string) => new URL(`../../assets/taiwan/${name}`, import.meta.url);
const unifyTai = (s: string) => s.replace(/台/g, '臺');

/** The 22 counties and 368 districts, and lookups from the names school lists use. */
export function loadPlaces() {
  const counties: Place[] = JSON.parse(readFileSync(asset('counties.json'), 'utf8'));
  const raw: Place[] = JSON.parse(readFileSync(asset('districts.json'), 'utf8'));
  const countyByName = new Map(counties.map((c) => [c.name, c]));
  const districts: District[] = raw.map((d) => {
    const county = counties.find((c) => d.fullname.startsWith(c.name));
    if (!county) throw new Error(`district ${d.fullname} has no county`);
    return { ...d, countyCode: county.code };
  });
  const districtsOf = new Map<string, District[]>();
  for (const d of districts) districtsOf.set(d.countyCode, [...(districtsOf.get(d.countyCode) ?? []), d]);
  return {
    counties,
    districts,
    county: (name: string) => countyByName.get(unifyTai(name.trim())),
    district: (countyCode: string, name: string) => districtsOf.get(countyCode)?.find((d) => d.name === unifyTai(name.trim())),
    /** The district named in an address such as `[640]雲林縣斗六市鎮南路1110號`. */
    districtInAddress(countyCode: string, countyName: string, address: string) {
      const rest = unifyTai(address).replace(/^\[\d+\]/, '').replace(/^\d{3,6}/, '').trim();
      const afterCounty = rest.startsWith(countyName) ? rest.slice(countyName.length) : rest;
      return districtsOf.get(countyCode)?.find((d) => afterCounty.startsWith(d.name));
    },
  };
}
export type Places = ReturnType<typeof loadPlaces>;
