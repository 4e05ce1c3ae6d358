import { normalizeFa, searchKey } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadOrgUnit } from './load-org-unit.ts';
import { orgUnitColumns, parentKindAllowed, toOrgUnitDto, type OrgUnitRow } from './org-unit-row.ts';
import type { OrgUnitDto } from './org.schemas.ts';

export interface CreateOrgUnitInput {
  kind: Exclude<OrgUnitDto['kind'], 'hq'>;
  name: string;
  parentId: string;
  amarCode?: string | null | undefined;
  geoId?: number | null | undefined;
  code?: string | undefined;
}

const codePrefix = { province: 'P', county: 'C', department: 'D' } as const;

/** Adds a unit under a parent the actor manages. Units are never deleted, only retired. */
export async function createOrgUnit(tx: Queryable, ctx: OpContext, input: CreateOrgUnitInput) {
  const parent = await loadOrgUnit(tx, ctx.actor, input.parentId, 'org.manage', true);
  if (parent.status === 'retired') throw new AppError('ORG_UNIT_RETIRED', { field: 'parentId' });
  if (!parentKindAllowed(input.kind, parent.kind)) throw new AppError('ORG_UNIT_INVALID_PARENT', { field: 'parentId', params: { kind: input.kind } });
  const name = normalizeFa(input.name);
  let code = input.code;
  if (!code) {
    if (input.kind !== 'department' && input.amarCode) code = `${codePrefix[input.kind]}${input.amarCode}`;
    else {
      const { rows } = await tx.query<{ n: bigint }>(`SELECT nextval('org_unit_code_seq') AS n`);
      code = input.kind === 'department' ? `${parent.code}-D${rows[0]!.n}` : `${codePrefix[input.kind]}X${rows[0]!.n}`;
    }
  }
  const taken = await tx.query('SELECT 1 FROM org_unit WHERE code = $1', [code]);
  if (taken.rowCount) throw new AppError('ORG_UNIT_CODE_TAKEN', { field: input.code ? 'code' : 'amarCode' });
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO org_unit (id, code, kind, name, name_key, parent_id, path, depth, amar_code, geo_id)
     SELECT g.id, $1, $2, $3, $4, $5, $6::uuid[] || g.id, $7, $8, $9 FROM (SELECT gen_random_uuid() AS id) g
     RETURNING id`,
    [code, input.kind, name, searchKey(name), parent.id, parent.path, parent.path.length, input.amarCode ?? null, input.geoId ?? null],
  );
  const id = rows[0]!.id;
  await writeAudit(tx, ctx, { action: 'org_unit.create', entityType: 'org_unit', entityId: id, unitId: id, summary: { kind: input.kind, name, code, parentId: parent.id } });
  const { rows: created } = await tx.query<OrgUnitRow>(`SELECT ${orgUnitColumns} FROM org_unit u WHERE u.id = $1`, [id]);
  return toOrgUnitDto(created[0]!);
}
