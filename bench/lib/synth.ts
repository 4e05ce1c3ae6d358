// Realistic synthetic gifts for the benchmarks: provinces weighted by population, counties within,
// a channel mix, general and specific intents, amounts from a log-normal, a Ramadan peak.
import type { Queryable } from '../../server/src/db/pool.ts';

/** Deterministic PRNG (mulberry32): the same seed gives the same data in every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Population by province (1395 census, millions), by the province's name in the reference data. */
const population: Record<string, number> = {
  'آذربایجان شرقی': 3.91, 'آذربایجان غربی': 3.27, 'اردبیل': 1.27, 'اصفهان': 5.12, 'البرز': 2.71, 'ایلام': 0.58, 'بوشهر': 1.16,
  'تهران': 13.27, 'چهارمحال وبختیاری': 0.95, 'خراسان جنوبی': 0.77, 'خراسان رضوی': 6.43, 'خراسان شمالی': 0.86, 'خوزستان': 4.71,
  'زنجان': 1.06, 'سمنان': 0.70, 'سیستان وبلوچستان': 2.78, 'فارس': 4.85, 'قزوین': 1.27, 'قم': 1.29, 'کردستان': 1.60, 'کرمان': 3.16,
  'کرمانشاه': 1.95, 'کهگیلویه وبویراحمد': 0.71, 'گلستان': 1.87, 'گیلان': 2.53, 'لرستان': 1.76, 'مازندران': 3.28, 'مرکزی': 1.43,
  'هرمزگان': 1.78, 'همدان': 1.74, 'یزد': 1.14,
};

export const channelMix: [string, number][] = [['gateway', 35], ['ussd', 30], ['card_to_card', 15], ['counter_cash', 10], ['pos', 7], ['bank_transfer', 3]];
export const purposeMix: [string, number][] = [
  ['general', 40], ['orphans', 12], ['livelihood', 10], ['sadaqa', 9], ['food', 7], ['housing', 5], ['marriage', 4], ['disability', 4],
  ['health', 3], ['elderly', 2], ['education', 2], ['female_heads', 2],
];

function picker<T>(items: [T, number][]): (r: number) => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of items) cum.push((acc += w / total));
  return (r) => {
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r <= cum[mid]!) hi = mid; else lo = mid + 1;
    }
    return items[lo]![0];
  };
}

export interface County { id: string; code: string; provinceId: string; provinceCode: string }

export async function loadCounties(db: Queryable): Promise<{ counties: County[]; pickCounty: (r: number) => County }> {
  const { rows } = await db.query<{ id: string; code: string; province_id: string; province_code: string; province_name: string }>(
    `SELECT c.id, c.code, p.id AS province_id, p.code AS province_code, g.name AS province_name FROM org_unit c JOIN org_unit p ON p.id = c.parent_id
       JOIN geo_division g ON g.id = p.geo_id WHERE c.kind = 'county' AND c.status = 'active'`);
  const perProvince = new Map<string, number>();
  for (const r of rows) perProvince.set(r.province_id, (perProvince.get(r.province_id) ?? 0) + 1);
  const counties = rows.map((r) => ({ id: r.id, code: r.code, provinceId: r.province_id, provinceCode: r.province_code }));
  const pickCounty = picker(rows.map((r, i) => [counties[i]!, (population[r.province_name] ?? 1) / perProvince.get(r.province_id)!] as [County, number]));
  return { counties, pickCounty };
}

// Fiscal year 1404 runs 2025-03-21 … 2026-03-20 (Tehran); Ramadan 1447 ≈ 2026-02-18 … 2026-03-19.
const yearStart = Date.UTC(2025, 2, 20, 20, 30);
const ramadanStartDay = Math.floor((Date.UTC(2026, 1, 18) - yearStart) / 86_400_000);
const dayPicker = picker(Array.from({ length: 365 }, (_, d) => [d, d >= ramadanStartDay && d < ramadanStartDay + 30 ? 4 : 1] as [number, number]));

export interface SynthGift { reference: string; amountRials: bigint; paidAt: Date; county: County; purpose: string; channel: string }

export function giftGenerator(seed: number, pickCounty: (r: number) => County, prefix: string) {
  const r = rng(seed);
  const pickChannel = picker(channelMix);
  const pickPurpose = picker(purposeMix);
  let n = 0;
  return (): SynthGift => {
    n++;
    // log-normal around 1,000,000 rials (100,000 toman), rounded to 10,000 rials
    const z = Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r());
    const amount = Math.min(5e8, Math.max(1e4, Math.round(Math.exp(13.8 + 1.1 * z) / 1e4) * 1e4));
    const day = dayPicker(r());
    const seconds = Math.floor((0.25 + 0.75 * Math.sqrt(r())) * 86_400); // evenings are busier
    return {
      reference: `${prefix}-${n}`, amountRials: BigInt(amount), paidAt: new Date(yearStart + day * 86_400_000 + seconds * 1000),
      county: pickCounty(r()), purpose: pickPurpose(r()), channel: pickChannel(r()),
    };
  };
}
