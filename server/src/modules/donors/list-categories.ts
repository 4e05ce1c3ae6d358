import type { Queryable } from '../../db/pool.ts';

/** The donor categories (codes for donor.categories), in display order. */
export async function listDonorCategories(db: Queryable) {
  const { rows } = await db.query<{ code: string; label_fa: string; label_en: string }>('SELECT code, label_fa, label_en FROM donor_category ORDER BY sort, code');
  return { items: rows.map((r) => ({ code: r.code, labelFa: r.label_fa, labelEn: r.label_en })) };
}
