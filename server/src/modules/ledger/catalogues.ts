import type { Queryable } from '../../db/pool.ts';

/** The purpose and target-group catalogues, in display order. */
export async function listCatalogues(db: Queryable) {
  const { rows: p } = await db.query<{ code: string; label_fa: string; label_en: string }>('SELECT code, label_fa, label_en FROM purpose WHERE active ORDER BY sort, code');
  const { rows: t } = await db.query<{ code: string; label_fa: string; label_en: string }>('SELECT code, label_fa, label_en FROM target_group ORDER BY code');
  const map = (r: { code: string; label_fa: string; label_en: string }) => ({ code: r.code, labelFa: r.label_fa, labelEn: r.label_en });
  return { purposes: p.map(map), targetGroups: t.map(map) };
}
