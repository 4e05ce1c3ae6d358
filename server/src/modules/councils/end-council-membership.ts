import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadCouncil } from './council-row.ts';
import { toMemberDto, type MemberRow } from './get-council.ts';

/** Ends a membership; the row stays, so past attendance and minutes still name the person. */
export async function endCouncilMembership(tx: Queryable, ctx: OpContext, input: { memberId: string; reason?: string | undefined }) {
  const { rows } = await tx.query<MemberRow & { council_id: string }>('SELECT * FROM council_member WHERE id = $1 FOR UPDATE', [input.memberId]);
  const m = rows[0];
  if (!m) throw new AppError('COUNCIL_MEMBER_NOT_FOUND');
  const c = await loadCouncil(tx, ctx.actor, m.council_id, 'councils.manage').catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'COUNCIL_NOT_FOUND' ? new AppError('COUNCIL_MEMBER_NOT_FOUND') : err;
  });
  if (m.left_at) throw new AppError('COUNCIL_MEMBER_LEFT');
  const reason = input.reason ? normalizeFa(input.reason) : null;
  const { rows: updated } = await tx.query<MemberRow>('UPDATE council_member SET left_at = now(), left_reason = $2 WHERE id = $1 RETURNING *', [m.id, reason]);
  await writeAudit(tx, ctx, { action: 'council.member_end', entityType: 'council', entityId: c.id, unitId: c.unit_id, summary: { memberId: m.id, fullName: m.full_name, reason } });
  return toMemberDto(updated[0]!);
}
