import assert from 'node:assert/strict';
import { test } from 'node:test';
import { levelFromName } from './levels.ts';
import { detectLayout, parseMoeSchools } from './moe-school-csv.ts';
import { loadPlaces } from './places.ts';

const places = loadPlaces();
const pick = (r: ReturnType<typeof parseMoeSchools>) => r.schools.map((s) => [s.code, s.level, s.countyName, s.districtName]);

test('elementary layout: [NN]縣市, district from the address, quoted header and BOM', () => {
  const csv = [
    '\ufeff"學年度","代碼","學校名稱","公/私立","縣市名稱","地址","電話","網址"',
    '114,011601,私立育才國小,私立,[01]新北市,[234]新北市永和區福和路125巷20號,(02)29214630,https://www.ytes.ntpc.edu.tw',
    '114,094601,縣立鎮西國小,公立,[09]雲林縣,[640]雲林縣斗六市中和里西平路3號,(05)5322047,',
  ].join('\r\n');
  const r = parseMoeSchools(csv, places);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(pick(r), [
    ['011601', '國小', '新北市', '永和區'],
    ['094601', '國小', '雲林縣', '斗六市'],
  ]);
  assert.deepEqual(r.schools[0], {
    code: '011601', name: '私立育才國小', level: '國小', countyCode: '65000000', countyName: '新北市',
    districtCode: r.schools[0]!.districtCode, districtName: '永和區', ownership: '私立',
    address: '[234]新北市永和區福和路125巷20號', phone: '(02)29214630', url: 'https://www.ytes.ntpc.edu.tw',
  });
  assert.equal(r.schools[1]!.url, null);
});

test('senior-high layout (9 columns with 備註): levels from names, the caller’s level wins, bad rows reported', () => {
  const csv = [
    '學年度,代碼,學校名稱,公/私立,縣市名稱,地址,電話,網址,備註',
    '114,093301,國立斗六高級中學,公立,[09]雲林縣,[640]雲林縣斗六市民生南路32號,(05)5322039,https://www.tlsh.ylc.edu.tw,',
    '114,091311,私立正心高級中學,私立,[09]雲林縣,[640]雲林縣斗六市虎溪里1鄰正心路1號,(05)5512502,,"完全中學,含國中部"',
    '114,090305,國立虎尾高級農工職業學校,公立,[09]雲林縣,虎尾鎮博愛路65號,(05)6322767,', // 備註 left off
    '114,BAD,無代碼,公立,[09]雲林縣,,,,',
    '114,093302,某校,公立,[09]雲林縣,,,,',
    '114,093303,國立某高中,公立,[99]火星,,,,',
    '114,093301,國立斗六高級中學,公立,[09]雲林縣,,,,',
    '114,093304,國立短列高中,公立,[09]雲林縣',
  ].join('\n');
  const r = parseMoeSchools(csv, places);
  assert.deepEqual(pick(r), [
    ['093301', '高中', '雲林縣', '斗六市'],
    ['091311', '高中', '雲林縣', '斗六市'],
    ['090305', '高中', '雲林縣', '虎尾鎮'],
  ]);
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.field]),
    [[5, '代碼'], [6, '學校名稱'], [7, '縣市名稱'], [8, '代碼'], [9, '(row)']],
  );
  assert.match(r.errors[3]!.reason, /appears twice/);
  const asJunior = parseMoeSchools(csv, places, '國中');
  assert.ok(asJunior.schools.length === 4 && asJunior.schools.every((s) => s.level === '國中'), '--level wins, and names 某校');
  assert.equal(parseMoeSchools(csv, places, '研究所').errors[0]!.field, 'level');
});

test('kindergarten layout: district from 鄉鎮市區名稱, level 幼兒園, branch-class codes', () => {
  const csv = [
    '學年度,代碼,學校名稱,公/私立,縣市名稱,鄉鎮市區名稱,地址,電話',
    '113,091X01,財團法人天主教會嘉義教區附設雲林縣私立正心幼兒園,私立,雲林縣,斗六市,[640]雲林縣斗六市仁愛里20鄰中華路80之1號,(05)5327502',
    '113,014XA1-01,新北市立八里幼兒園龍源分班,公立,新北市,八里區,"[249]新北市八里區龍源里",(02)26102217',
    '113,094Y01,雲林縣臺西鄉臺西國民小學附設幼兒園,公立,雲林縣,台西鄉,,',
    '113,094Y02,雲林縣某國民小學附設幼兒園,公立,雲林縣,,[648]雲林縣西螺鎮,',
    '113,094Y03,雲林縣某幼兒園,公立,雲林縣,不存在鄉,,',
  ].join('\n');
  const r = parseMoeSchools(csv, places);
  assert.deepEqual(pick(r), [
    ['091X01', '幼兒園', '雲林縣', '斗六市'],
    ['014XA1-01', '幼兒園', '新北市', '八里區'],
    ['094Y01', '幼兒園', '雲林縣', '臺西鄉'],
    ['094Y02', '幼兒園', '雲林縣', '西螺鎮'],
  ]);
  assert.deepEqual(r.errors.map((e) => [e.line, e.field]), [[6, '鄉鎮市區名稱']]);
  assert.equal(r.schools[0]!.url, null);
});

test('layouts are told apart by header; anything else is refused', () => {
  assert.equal(detectLayout(['學年度', '代碼', '學校名稱', '公/私立', '縣市名稱', '地址', '電話', '網址']), 'elementary');
  assert.equal(detectLayout(['學年度', '代碼', '學校名稱', '公/私立', '縣市名稱', '地址', '電話', '網址', '備註']), 'seniorHigh');
  assert.equal(detectLayout(['學年度', '代碼', '學校名稱', '公/私立', '縣市名稱', '鄉鎮市區名稱', '地址', '電話']), 'kindergarten');
  const r = parseMoeSchools('a,b\n1,2', places);
  assert.deepEqual([r.schools, r.errors[0]!.field], [[], 'header']);
  assert.match(r.errors[0]!.reason, /not an MOE school list/);
  assert.equal(parseMoeSchools('', places).errors[0]!.field, 'header');
});

test('district from the address: zip, 臺/台, missing county, former counties, upgraded towns, none', () => {
  const yunlin = places.county('雲林縣')!.code;
  const at = (county: string, address: string) => places.districtInAddress(places.county(county)!.code, address)?.name ?? null;
  assert.equal(at('雲林縣', '[640]雲林縣斗六市西平路3號'), '斗六市');
  assert.equal(at('雲林縣', '[636]台雲林縣台西鄉'), null, 'garbage before the county name is not skipped');
  assert.equal(at('雲林縣', '636雲林縣台西鄉五港路'), '臺西鄉');
  assert.equal(at('臺東縣', '[950]台東縣台東市中華路'), '臺東市');
  assert.equal(at('雲林縣', '[632]虎尾鎮博愛路65號'), '虎尾鎮');
  assert.equal(at('新北市', '[234]臺北縣永和市福和路'), '永和區');
  assert.equal(at('桃園市', '桃園縣中壢市中華路'), '中壢區');
  assert.equal(at('彰化縣', '彰化縣員林鎮中山路'), '員林市');
  assert.equal(at('新竹市', '[300]新竹市東區'), '東區');
  assert.equal(places.districtInAddress(yunlin, ''), undefined);
  assert.equal(at('雲林縣', '[640]嘉義縣民雄鄉'), null, 'another county’s district is not taken');
});

test('level from a school name: the last keyword wins', () => {
  const cases: [string, string | undefined][] = [
    ['縣立鎮西國小', '國小'],
    ['國立臺北教育大學附設實驗國民小學', '國小'],
    ['國立臺中教大附小', '國小'],
    ['國立屏東大學實小', '國小'],
    ['縣立啟明國小', '國小'],
    ['私立淡江高中附設國小部', '國小'],
    ['國立臺灣戲曲學院(國小)', '國小'],
    ['市立大同國民中學', '國中'],
    ['私立正心高級中學附設國中部', '國中'],
    ['國立斗六高級中學', '高中'],
    ['國立虎尾高級農工職業學校', '高中'],
    ['國立南科高級實驗中學', '高中'],
    ['國立高師附中', '高中'],
    ['國立臺灣大學', '大專校院'],
    ['國立臺北商業大學', '大專校院'],
    ['國立臺中特殊教育學校', '特教'],
    ['臺北市立啟聰學校', '特教'],
    ['雲林縣某國民小學附設幼兒園', '幼兒園'],
    ['私立華興中學', undefined],
  ];
  assert.deepEqual(cases.map(([n]) => [n, levelFromName(n)]), cases);
});
