import { normalizeFa } from '@mosharekat/fa';
import type { DatabaseError } from 'pg';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadCouncil } from './council-row.ts';
import type { MemberRole } from './council-rules.ts';
import { toMemberDto, type MemberRow } from './get-council.ts';

export interface AddMemberInput {
  councilId: string;
  /** a staff user; or else an outside person by name */
  staffUserId?: string | undefined;
  fullName?: string | undefined;
  organization?: string | undefined;
  role: MemberRole;
}

/** Seats a staff user or an outside person (benefactor, NGO or agency representative) on a council. */
export async function addCouncilMember(tx: Queryable, ctx: OpContext, input: AddMemberInput) {
  const c = await loadCouncil(tx, ctx.actor, input.councilId, 'councils.manage', true);
  let fullName = input.fullName ? normalizeFa(input.fullName) : null;
  if (input.staffUserId) {
    const { rows } = await tx.query<{ full_name: string }>(`SELECT full_name FROM staff_user WHERE id = $1 AND status = 'active'`, [input.staffUserId]);
    if (!rows[0]) throw new AppError('STAFF_USER_NOT_FOUND', { field: 'staffUserId' });
    fullName ??= rows[0].full_name;
  }
  if (!fullName) throw new AppError('COUNCIL_MEMBER_NAME_REQUIRED', { field: 'fullName' });
  let row: MemberRow;
  try {
    const { rows } = await tx.query<MemberRow>(
      `INSERT INTO council_member (council_id, staff_user_id, full_name, organization, role, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [c.id, input.staffUserId ?? null, fullName, input.organization ? normalizeFa(input.organization) : null, input.role, ctx.actor.kind === 'staff' ? ctx.actor.userId : null]);
    row = rows[0]!;
  } catch (err) {
    const e = err as DatabaseError;
    if (e.code === '23505' && e.constraint === 'council_member_one_chair') throw new AppError('COUNCIL_CHAIR_TAKEN', { field: 'role' });
    if (e.code === '23505') throw new AppError('COUNCIL_MEMBER_DUPLICATE', { field: 'staffUserId' });
    throw err;
  }
  await writeAudit(tx, ctx, { action: 'council.member_add', entityType: 'council', entityId: c.id, unitId: c.unit_id, summary: { memberId: row.id, fullName, role: input.role, staffUserId: input.staffUserId ?? null } });
  return toMemberDto(row);
}
