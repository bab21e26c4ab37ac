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

export const readAsset = (name: string) => readFileSync(new URL(`../../assets/taiwan/${name}`, import.meta.url), 'utf8');
export const unifyTai = (s: string) => s.replace(/台/g, '臺');

// Counties merged into a city (2010, 2014) still turn up in addresses.
const formerCounties: Record<string, string> = { 臺北縣: '新北市', 桃園縣: '桃園市', 臺中縣: '臺中市', 臺南縣: '臺南市', 高雄縣: '高雄市' };

/** The 22 counties and 368 districts, and lookups from the names school lists use. */
export function loadPlaces() {
  const counties: Place[] = JSON.parse(readAsset('counties.json'));
  const raw: Place[] = JSON.parse(readAsset('districts.json'));
  const countyByName = new Map(counties.map((c) => [c.name, c]));
  const districts: District[] = raw.map((d) => {
    const county = counties.find((c) => d.fullname.startsWith(c.name));
    if (!county) throw new Error(`district ${d.fullname} has no county`);
    return { ...d, countyCode: county.code };
  });
  const districtsOf = new Map<string, District[]>();
  for (const d of districts) districtsOf.set(d.countyCode, [...(districtsOf.get(d.countyCode) ?? []), d]);

  const county = (name: string) => {
    const n = unifyTai(name.trim());
    return countyByName.get(formerCounties[n] ?? n);
  };
  const district = (countyCode: string, name: string) => districtsOf.get(countyCode)?.find((d) => d.name === unifyTai(name.trim()));

  /** The district an address such as `[640]雲林縣斗六市鎮南路1110號` starts with, after its zip and county. */
  function districtInAddress(countyCode: string, address: string): District | undefined {
    let rest = unifyTai(address).replace(/\s/g, '').replace(/^\[\d+\]/, '').replace(/^\d{3,6}/, '').replace(/^臺灣省/, '');
    const named = counties.find((c) => c.code === countyCode)?.name;
    const prefix = [named, ...Object.keys(formerCounties).filter((k) => formerCounties[k] === named)].find((n) => n && rest.startsWith(n));
    if (prefix) rest = rest.slice(prefix.length);
    const candidates = districtsOf.get(countyCode) ?? [];
    // Exact name first; then the stem with another suffix, for towns since upgraded (桃園縣中壢市 → 中壢區, 員林鎮 → 員林市).
    return (
      candidates.find((d) => rest.startsWith(d.name)) ??
      candidates.find((d) => d.name.length > 2 && rest.startsWith(d.name.slice(0, -1)) && /^[鄉鎮市區]/.test(rest.slice(d.name.length - 1)))
    );
  }

  return { counties, districts, county, district, districtInAddress };
}
export type Places = ReturnType<typeof loadPlaces>;
