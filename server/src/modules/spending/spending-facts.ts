import type { Queryable } from '../../db/pool.ts';
import { authorityOptions } from '../councils/authorities.ts';
import { loadFund } from '../ledger/funds.ts';
import { payingCustodyOf } from '../ledger/holds.ts';
import type { FundFacts, MoneyFacts } from './spending-rules.ts';

export interface MoneyInput {
  unitId: string;
  fundId: string;
  placeUnitId: string | null;
  placeGeoId: number | null;
}

/**
 * Everything the spending rules need to know about the money, read in the caller's transaction:
 * the fund and its intent, whether the place lies inside the donors' place, the governing
 * council's authorities with their allowances, and how much of the fund is free in the fund and
 * in the custody that would pay (a county's spending account, else the central account).
 */
export async function loadMoneyFacts(tx: Queryable, input: MoneyInput, now: Date = new Date()): Promise<{ fund: FundFacts; facts: MoneyFacts; custodyId: string }> {
  const f = await loadFund(tx, input.fundId);
  const fund: FundFacts = {
    unitId: f.unit_id, kind: f.kind, purposeCode: f.purpose_code, targetGroupCode: f.target_group_code,
    placeUnitId: f.place_unit_id, placeGeoId: f.place_geo_id, project: f.project, name: f.name,
  };
  let placeUnitInside: boolean | null = null;
  if (f.place_unit_id) {
    const { rows } = await tx.query<{ inside: boolean }>('SELECT $2::uuid = ANY(path) AS inside FROM org_unit WHERE id = $1', [input.placeUnitId ?? input.unitId, f.place_unit_id]);
    placeUnitInside = rows[0]?.inside ?? false;
  }
  let placeGeoInside: boolean | null = null;
  if (f.place_geo_id) {
    if (input.placeGeoId === null) placeGeoInside = false;
    else {
      const { rows } = await tx.query<{ inside: boolean }>(
        `WITH RECURSIVE up AS (SELECT id, parent_id FROM geo_division WHERE id = $1
                               UNION ALL SELECT g.id, g.parent_id FROM geo_division g JOIN up ON g.id = up.parent_id)
         SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS inside`, [input.placeGeoId, f.place_geo_id]);
      placeGeoInside = rows[0]!.inside;
    }
  }
  const { council, options } = f.kind === 'general' ? await authorityOptions(tx, input.unitId) : { council: null, options: [] };
  const custodyId = await payingCustodyOf(tx, input.unitId);
  // read-only look at the two balance rows a hold would raise (holds.ts changes them)
  const { rows: balances } = await tx.query<{ account_id: string; amount: bigint; held: bigint }>(
    'SELECT account_id, amount, held FROM ledger_balance WHERE fund_id = $1 AND account_id = ANY($2::uuid[])',
    [f.id, [f.id, custodyId]]);
  const fundRow = balances.find((b) => b.account_id === f.id);
  const custodyRow = balances.find((b) => b.account_id === custodyId);
  const { rows: ck } = await tx.query<{ kind: 'spending' | 'central' }>('SELECT kind FROM custody_account WHERE id = $1', [custodyId]);
  const { rows: labels } = await tx.query<{ code: string; label_fa: string }>('SELECT code, label_fa FROM purpose');
  return {
    fund,
    custodyId,
    facts: {
      now, councilName: council?.name ?? null, authorities: options, placeUnitInside, placeGeoInside,
      fundAvailableRials: fundRow ? -fundRow.amount - fundRow.held : 0n,
      custodyAvailableRials: custodyRow ? custodyRow.amount - custodyRow.held : 0n,
      custodyKind: ck[0]?.kind === 'spending' ? 'spending' : 'central',
      purposeLabels: Object.fromEntries(labels.map((l) => [l.code, l.label_fa])),
    },
  };
}
