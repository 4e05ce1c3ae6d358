import type { Queryable } from '../../db/pool.ts';
import { systemContext } from '../access/actor.ts';
import { listCatalogues } from '../ledger/catalogues.ts';
import { listOrgUnits } from '../org/list-org-units.ts';
import { giftLimits } from '../payments/start-payment.ts';

/** The amounts offered as one tap (rials): 50,000 to 1,000,000 toman. */
export const amountPresetsRials = [500_000n, 1_000_000n, 2_000_000n, 5_000_000n, 10_000_000n] as const;

const portalActor = systemContext('portal').actor;

/** What a donor chooses from: intents, provinces, preset amounts and the limits. No personal data. */
export async function givingCatalogue(db: Queryable) {
  const { purposes } = await listCatalogues(db);
  const provinces = await listOrgUnits(db, portalActor, { kind: 'province', status: 'active', page: 1, pageSize: 100 });
  return {
    purposes: purposes.map((p) => ({ code: p.code, labelFa: p.labelFa, labelEn: p.labelEn })),
    provinces: provinces.items.map((u) => ({ id: u.id, name: u.name })),
    presetsRials: amountPresetsRials.map(String),
    minRials: giftLimits.minRials.toString(),
    maxRials: giftLimits.maxRials.toString(),
  };
}

/** The active counties of a province (empty for anything that is not an active province). */
export async function countiesOf(db: Queryable, provinceId: string) {
  const counties = await listOrgUnits(db, portalActor, { kind: 'county', parentId: provinceId, status: 'active', page: 1, pageSize: 200 });
  return { items: counties.items.map((u) => ({ id: u.id, name: u.name })) };
}
