import type { Queryable } from '../../db/pool.ts';
import type { AuthorityOption } from '../spending/spending-rules.ts';
import { resolutionNumber } from './resolution-row.ts';

/**
 * The council that governs the general money of a unit: the council of the nearest unit on its
 * path that is not a department (the unit itself for HQ, provinces and counties). A county
 * without a council has none: its general money waits for one (it is not governed from above).
 */
export async function governingCouncil(db: Queryable, unitId: string): Promise<{ id: string; name: string; unitId: string } | null> {
  const { rows } = await db.query<{ id: string; name: string; unit_id: string }>(
    `SELECT c.id, c.name, c.unit_id FROM org_unit u
       JOIN LATERAL (SELECT g.id FROM org_unit g WHERE g.id = ANY(u.path) AND g.kind <> 'department' ORDER BY g.depth DESC LIMIT 1) gov ON true
       JOIN council c ON c.unit_id = gov.id
      WHERE u.id = $1`, [unitId]);
  return rows[0] ? { id: rows[0].id, name: rows[0].name, unitId: rows[0].unit_id } : null;
}

/**
 * Every authority the governing council of a unit has in force on paper: the latest version of
 * each resolution chain that is not a revocation, its authorization and its delegations, with the
 * allowance used so far. Periods, expiry, purposes and ceilings are judged by the spending rules.
 */
export async function authorityOptions(db: Queryable, unitId: string): Promise<{ council: { id: string; name: string } | null; options: AuthorityOption[] }> {
  const council = await governingCouncil(db, unitId);
  if (!council) return { council: null, options: [] };
  const { rows } = await db.query<{
    kind: 'resolution' | 'delegation'; id: string; chain_id: string; allowance_id: string; fiscal_year: number; serial: number; purpose_codes: string[];
    valid_from: Date | null; valid_until: Date; ceiling_rials: bigint; used_rials: bigint; delegate_user_id: string | null; delegate_name: string | null;
  }>(
    `WITH heads AS (
       SELECT r.* FROM council_resolution r
        WHERE r.council_id = $1 AND r.kind <> 'revocation' AND NOT EXISTS (SELECT 1 FROM council_resolution n WHERE n.supersedes_id = r.id))
     SELECT 'resolution' AS kind, h.id, h.chain_id, a.id AS allowance_id, h.fiscal_year, h.serial, h.purpose_codes, h.valid_from, h.valid_until,
            a.ceiling_rials, a.used_rials, NULL::uuid AS delegate_user_id, NULL AS delegate_name
       FROM heads h JOIN council_allowance a ON a.chain_id = h.chain_id AND a.delegate_user_id IS NULL
      WHERE h.ceiling_rials IS NOT NULL
     UNION ALL
     SELECT 'delegation', d.id, h.chain_id, a.id, h.fiscal_year, h.serial, d.purpose_codes, NULL, d.expires_at,
            a.ceiling_rials, a.used_rials, d.delegate_user_id, s.full_name
       FROM heads h JOIN council_delegation d ON d.resolution_id = h.id
       JOIN council_allowance a ON a.chain_id = h.chain_id AND a.delegate_user_id = d.delegate_user_id
       JOIN staff_user s ON s.id = d.delegate_user_id
      ORDER BY 1 DESC, 5, 6`, [council.id]);
  return {
    council: { id: council.id, name: council.name },
    options: rows.map((r) => ({
      kind: r.kind, id: r.id, chainId: r.chain_id, allowanceId: r.allowance_id, number: resolutionNumber(r), purposeCodes: r.purpose_codes,
      validFrom: r.valid_from, validUntil: r.valid_until, ceilingRials: r.ceiling_rials, usedRials: r.used_rials,
      delegateUserId: r.delegate_user_id, delegateName: r.delegate_name,
    })),
  };
}
