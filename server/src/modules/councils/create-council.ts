import { normalizeFa } from '@mosharekat/fa';
import type { DatabaseError } from 'pg';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import { councilSelect, toCouncilDto, type CouncilRow } from './council-row.ts';
import { councilLevelOf, type QuorumRule } from './council-rules.ts';

export interface CreateCouncilInput {
  unitId: string;
  name?: string | undefined;
  quorum?: QuorumRule | undefined;
}

const defaultNames = { central: 'شورای مرکزی مشارکت‌های مردمی', provincial: 'شورای مشارکت‌های مردمی', county: 'شورای مشارکت‌های مردمی' } as const;

export function checkQuorumRule(q: QuorumRule | undefined): QuorumRule {
  const rule = q ?? { kind: 'majority', minMembers: null, requiresChair: false };
  if ((rule.kind === 'min_members') !== (rule.minMembers !== null && rule.minMembers !== undefined)) throw new AppError('COUNCIL_QUORUM_INVALID', { field: 'quorum.minMembers' });
  return rule;
}

/** Forms the participation council of an HQ, province or county unit (one per unit). */
export async function createCouncil(tx: Queryable, ctx: OpContext, input: CreateCouncilInput) {
  const unit = await loadOrgUnit(tx, ctx.actor, input.unitId, 'councils.manage');
  const level = councilLevelOf(unit.kind);
  if (!level) throw new AppError('COUNCIL_UNIT_KIND', { field: 'unitId' });
  if (unit.status === 'retired') throw new AppError('ORG_UNIT_RETIRED', { field: 'unitId' });
  const rule = checkQuorumRule(input.quorum);
  const name = normalizeFa(input.name ?? `${defaultNames[level]} ${unit.name}`);
  let id: string;
  try {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO council (unit_id, level, name, quorum_kind, quorum_min, quorum_requires_chair, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [unit.id, level, name, rule.kind, rule.minMembers, rule.requiresChair, ctx.actor.kind === 'staff' ? ctx.actor.userId : null]);
    id = rows[0]!.id;
  } catch (err) {
    if ((err as DatabaseError).code === '23505') throw new AppError('COUNCIL_EXISTS', { field: 'unitId' });
    throw err;
  }
  await writeAudit(tx, ctx, { action: 'council.create', entityType: 'council', entityId: id, unitId: unit.id, summary: { name, level, quorum: rule } });
  const { rows } = await tx.query<CouncilRow>(`${councilSelect} WHERE c.id = $1`, [id]);
  return toCouncilDto(rows[0]!);
}
