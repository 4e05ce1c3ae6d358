import fs from 'node:fs';
import path from 'node:path';
import { normalizeFa, searchKey } from '@mosharekat/fa';
import { repoRoot } from '../config.ts';
import type { Pool } from '../db/pool.ts';
import { withTx } from '../db/pool.ts';
import { systemContext } from '../modules/access/actor.ts';
import { writeAudit } from '../modules/audit/write-audit.ts';
import { ensureStandardAccounts } from '../modules/ledger/accounts.ts';

const divisionsDir = path.join(repoRoot, 'server', 'data', 'iran-divisions');

/** Stable ids: a level's base plus the source id, so every install numbers places alike. */
export const geoIdBase = { province: 100_000, county: 200_000, district: 300_000, rural_district: 400_000, city: 500_000, village: 1_000_000 } as const;
type Level = keyof typeof geoIdBase;

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(path.join(divisionsDir, file), 'utf8').trim().split(/\r?\n/);
  const cols = header!.split(',');
  // the data set has no quoted fields (checked when it was imported)
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** Statistical Centre codes lose their leading zeros in the CSV (Markazi is province 0). */
function padCodes(rows: Record<string, string>[]): (code: string) => string {
  const width = Math.max(...rows.map((r) => r.amar_code?.length ?? 0));
  return (code) => (code ? code.padStart(width, '0') : code);
}

interface GeoRow { id: number; level: Level; name: string; parent: number | null; province: number | null; county: number | null; amar: string | null; type: number | null }

function geoRows(): GeoRow[] {
  const out: GeoRow[] = [];
  const id = (level: Level, src: string | undefined) => (src ? geoIdBase[level] + Number(src) : null);
  const add = (file: string, level: Level, parentOf: (r: Record<string, string>) => number | null, typeCol?: string) => {
    const rows = readCsv(file);
    const pad = padCodes(rows);
    for (const r of rows) {
      out.push({
        id: id(level, r.id)!, level, name: normalizeFa(r.name!), parent: parentOf(r),
        province: level === 'province' ? null : id('province', r.ostan),
        county: level === 'province' || level === 'county' ? null : id('county', r.shahrestan),
        amar: pad(r.amar_code ?? '') || null, type: typeCol ? Number(r[typeCol]) : null,
      });
    }
  };
  add('ostan.csv', 'province', () => null);
  add('shahrestan.csv', 'county', (r) => id('province', r.ostan));
  add('bakhsh.csv', 'district', (r) => id('county', r.shahrestan));
  add('dehestan.csv', 'rural_district', (r) => id('district', r.bakhsh));
  add('shahr.csv', 'city', (r) => id('district', r.bakhsh), 'shahr_type');
  add('abadi.csv', 'village', (r) => id('rural_district', r.dehestan) ?? id('district', r.bakhsh), 'abadi_type');
  return out;
}

async function loadGeography(pool: Pool): Promise<number> {
  const rows = geoRows();
  // parents first, so the foreign key holds row by row
  const order: Level[] = ['province', 'county', 'district', 'rural_district', 'city', 'village'];
  await withTx(pool, async (tx) => {
    for (const level of order) {
      const batch = rows.filter((r) => r.level === level);
      for (let i = 0; i < batch.length; i += 10_000) {
        const chunk = batch.slice(i, i + 10_000);
        await tx.query(
          `INSERT INTO geo_division (id, level, name, name_key, parent_id, province_id, county_id, amar_code, type_code)
           SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::text[], $9::smallint[])
           ON CONFLICT (id) DO NOTHING`,
          [chunk.map((r) => r.id), chunk.map((r) => r.level), chunk.map((r) => r.name), chunk.map((r) => searchKey(r.name)),
            chunk.map((r) => r.parent), chunk.map((r) => r.province), chunk.map((r) => r.county), chunk.map((r) => r.amar), chunk.map((r) => r.type)],
        );
      }
    }
  });
  return rows.length;
}

/** HQ, one unit per province and one per county, linked to their geography. */
async function loadOrgTree(pool: Pool): Promise<number> {
  return withTx(pool, async (tx) => {
    const hq = await tx.query<{ id: string }>(
      `INSERT INTO org_unit (id, code, kind, name, name_key, parent_id, path, depth)
       SELECT g.id, 'HQ', 'hq', $1, $2, NULL, ARRAY[g.id], 0 FROM (SELECT gen_random_uuid() AS id) g
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      ['ستاد', searchKey('ستاد')],
    );
    if (!hq.rows[0]) return 0; // loaded before
    const provinces = await tx.query<{ id: string }>(
      `INSERT INTO org_unit (id, code, kind, name, name_key, parent_id, path, depth, amar_code, geo_id)
       SELECT gen_random_uuid(), 'P' || g.amar_code, 'province', 'استان ' || g.name, '', $1, ARRAY[$1::uuid], 1, g.amar_code, g.id
         FROM geo_division g WHERE g.level = 'province' RETURNING id`,
      [hq.rows[0].id],
    );
    await tx.query(`UPDATE org_unit SET path = path || id WHERE kind = 'province'`);
    const counties = await tx.query(
      `INSERT INTO org_unit (code, kind, name, name_key, parent_id, path, depth, amar_code, geo_id)
       SELECT 'C' || g.amar_code, 'county', 'شهرستان ' || g.name, '', p.id, p.path, 2, g.amar_code, g.id
         FROM geo_division g JOIN org_unit p ON p.geo_id = g.province_id AND p.kind = 'province'
        WHERE g.level = 'county'`,
    );
    await tx.query(`UPDATE org_unit SET path = path || id WHERE kind = 'county'`);
    // search keys are computed in the application (one normaliser for the whole system)
    const { rows } = await tx.query<{ id: string; name: string }>(`SELECT id, name FROM org_unit WHERE name_key = ''`);
    await tx.query(`UPDATE org_unit u SET name_key = k.key FROM unnest($1::uuid[], $2::text[]) AS k(id, key) WHERE u.id = k.id`,
      [rows.map((r) => r.id), rows.map((r) => searchKey(r.name))]);
    await writeAudit(tx, systemContext('reference-data'), {
      action: 'reference.load_org_tree', entityType: 'org_unit', entityId: hq.rows[0].id, unitId: hq.rows[0].id,
      summary: { provinces: provinces.rowCount, counties: counties.rowCount },
    });
    return 1 + (provinces.rowCount ?? 0) + (counties.rowCount ?? 0);
  });
}

/** Loads geography and the organization tree once; later starts find them and return at once. */
export async function loadReferenceData(pool: Pool, log: (m: string) => void = () => {}): Promise<void> {
  const { rows } = await pool.query<{ n: bigint }>(`SELECT count(*) AS n FROM geo_division WHERE level = 'province'`);
  if (rows[0]!.n === 0n) {
    const t0 = Date.now();
    const n = await loadGeography(pool);
    log(`loaded ${n} geographic divisions in ${Date.now() - t0} ms`);
  }
  const units = await loadOrgTree(pool);
  if (units) log(`created ${units} organization units (HQ, provinces, counties)`);
  const accounts = await withTx(pool, (tx) => ensureStandardAccounts(tx));
  if (accounts) log(`opened ${accounts} custody accounts (central per province and HQ, spending per county)`);
}
