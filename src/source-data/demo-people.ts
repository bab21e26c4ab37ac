import { readFileSync } from 'node:fs';
import { parseCsv } from '../directory/csv.ts';
import { randomIdNumber } from '../domain/national-id.ts';

// A small seeded generator: the same seed gives the same people.
export function seededRandom(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const surnames = '陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴';
const given = '怡君雅婷淑芬美玲志明家豪俊傑宗翰冠宇承恩柏翰宜蓁詩涵欣怡佳穎思妤子晴品妍宥廷彥廷建宏文雄淑惠秀英麗華明德世昌';
const teacherTitles = ['導師', '科任教師', '教務主任', '學務主任', '總務主任', '輔導主任', '教學組長', '註冊組長', '生教組長', '資訊組長'];
const staffTitles = ['幹事', '護理師', '會計主任', '人事主任', '工友', '出納'];
const classNames = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const header = 'school_code,id_number,name,birthday,identity,titles,class_year,class_semester,class_grade,class_no,class_title';

interface SchoolStats {
  code: string;
  classesPerGrade: number[];
  studentsPerGrade: number[];
  teachers: number;
  staff: number;
}

function loadStats(): SchoolStats[] {
  const text = readFileSync(new URL('../../assets/taiwan/moe-114-elementary-basic-stats.csv', import.meta.url), 'utf8');
  return parseCsv(text)
    .slice(1)
    .map(({ fields }) => {
      const n = (i: number) => Number(fields[i]) || 0;
      return {
        code: fields[4]!,
        classesPerGrade: [6, 7, 8, 9, 10, 11].map(n),
        studentsPerGrade: [0, 1, 2, 3, 4, 5].map((g) => n(12 + g * 2) + n(13 + g * 2)),
        teachers: n(26) + n(27),
        staff: n(28) + n(29),
      };
    });
}

/**
 * Synthetic 來源資料 for the shipped elementary schools, sized by MOE's staff and class counts:
 * homeroom teachers with their class, other teachers and staff, and (with students) every pupil.
 * Yields CSV lines, header first, so a million rows never sit in memory at once.
 */
export function* demoPeopleCsv(opts: { seed?: number; students?: boolean; schools?: string[] } = {}): Generator<string> {
  const rand = seededRandom(opts.seed ?? 20261124);
  const pending: string[] = [];
  const usedIds = new Set<string>();
  const pick = <T>(xs: ArrayLike<T>) => xs[Math.floor(rand() * xs.length)]!;
  const person = (minYear: number, maxYear: number) => {
    const y = minYear + Math.floor(rand() * (maxYear - minYear + 1));
    const m = 1 + Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const name = pick(surnames) + pick(given) + pick(given);
    let id: string;
    do id = randomIdNumber(rand() < 0.985 ? 'national' : 'resident-new', rand);
    while (usedIds.has(id));
    usedIds.add(id);
    return `${id},${name},${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  yield header;
  const only = opts.schools && new Set(opts.schools);
  for (const s of loadStats()) {
    if (only && !only.has(s.code)) continue;
    let homerooms = 0;
    s.classesPerGrade.forEach((classes, g) => {
      for (let c = 1; c <= classes; c++) {
        const classno = `${g + 1}${String(c).padStart(2, '0')}`;
        const title = `${classNames[g]}年${classNames[c - 1] ?? c}班`;
        const cls = `114,1,${g + 1},${classno},${title}`;
        if (homerooms < s.teachers) {
          homerooms++;
          pending.push(`${s.code},${person(1960, 1998)},教師,教師;導師,${cls}`);
        }
        if (opts.students) {
          const pupils = Math.round(s.studentsPerGrade[g]! / Math.max(1, classes));
          for (let p = 0; p < pupils; p++) pending.push(`${s.code},${person(2018 - g, 2018 - g)},學生,學生,${cls}`);
        }
      }
    });
    for (let t = homerooms; t < s.teachers; t++) pending.push(`${s.code},${person(1960, 1998)},教師,${pick(teacherTitles)},,,,,`);
    for (let t = 0; t < s.staff; t++) pending.push(`${s.code},${person(1960, 2000)},職員,${pick(staffTitles)},,,,,`);
    yield* pending;
    pending.length = 0;
  }
}
