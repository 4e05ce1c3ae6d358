import { searchKey } from '@mosharekat/fa';
import { z } from 'zod';
import { errors, pageOf, paging } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';

const level = z.enum(['province', 'county', 'district', 'rural_district', 'city', 'village']);
const division = z.object({ id: z.number().int(), level, name: z.string(), parentId: z.number().int().nullable(), provinceId: z.number().int().nullable(), countyId: z.number().int().nullable(), amarCode: z.string().nullable() });

export async function geoRoutes(app: ZApp) {
  app.get('/api/geo', {
    config: { access: 'session' },
    schema: {
      tags: ['geography'], summary: 'Iran\'s divisions, for addresses and records down to the village',
      querystring: z.object({ level: level.optional(), parentId: z.coerce.number().int().optional(), countyId: z.coerce.number().int().optional(), q: z.string().trim().max(100).optional(), ...paging }).strict(),
      response: { 200: pageOf(division), ...errors },
    },
  }, async (req) => {
    const { level: lv, parentId, countyId, q, page, pageSize } = req.query;
    const key = q ? searchKey(q) : null;
    const { rows } = await app.pool.query<{ total: number; id: number; level: z.infer<typeof level>; name: string; parent_id: number | null; province_id: number | null; county_id: number | null; amar_code: string | null }>(
      `SELECT count(*) OVER ()::int AS total, id, level, name, parent_id, province_id, county_id, amar_code FROM geo_division
        WHERE ($1::text IS NULL OR level = $1) AND ($2::int IS NULL OR parent_id = $2) AND ($3::int IS NULL OR county_id = $3)
          AND ($4::text IS NULL OR name_key LIKE '%' || $4 || '%')
        ORDER BY (name_key = $4) DESC NULLS LAST, name LIMIT $5 OFFSET $6`,
      [lv ?? null, parentId ?? null, countyId ?? null, key || null, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((r) => ({ id: r.id, level: r.level, name: r.name, parentId: r.parent_id, provinceId: r.province_id, countyId: r.county_id, amarCode: r.amar_code })),
      total: rows[0]?.total ?? 0, page, pageSize,
    };
  });
}
