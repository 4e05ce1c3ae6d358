import type { OrgUnitDto } from './org.schemas.ts';

/** Columns selected wherever an org unit is returned; keep in step with toOrgUnitDto. */
export const orgUnitColumns = `u.id, u.kind, u.name, u.code, u.parent_id, u.amar_code, u.geo_id, u.status, u.retired_at,
  u.retire_reason, u.successor_ids, u.created_at, u.path,
  (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = u.id AND c.status = 'active') AS child_count`;

export interface OrgUnitRow {
  id: string; kind: OrgUnitDto['kind']; name: string; code: string; parent_id: string | null; amar_code: string | null;
  geo_id: number | null; status: 'active' | 'retired'; retired_at: Date | null; retire_reason: string | null;
  successor_ids: string[]; created_at: Date; path: string[]; child_count: number;
}

export function toOrgUnitDto(r: OrgUnitRow): OrgUnitDto {
  return {
    id: r.id, kind: r.kind, name: r.name, code: r.code, parentId: r.parent_id, amarCode: r.amar_code, geoId: r.geo_id,
    status: r.status, retiredAt: r.retired_at?.toISOString() ?? null, retireReason: r.retire_reason,
    successorIds: r.successor_ids, createdAt: r.created_at.toISOString(), childCount: r.child_count,
  };
}

/** Which kind of unit may sit under which: the tree is HQ → provinces → counties, departments anywhere. */
export function parentKindAllowed(kind: OrgUnitDto['kind'], parentKind: OrgUnitDto['kind'] | null): boolean {
  switch (kind) {
    case 'hq': return parentKind === null;
    case 'province': return parentKind === 'hq';
    case 'county': return parentKind === 'province';
    case 'department': return parentKind !== null && parentKind !== 'department';
  }
}
