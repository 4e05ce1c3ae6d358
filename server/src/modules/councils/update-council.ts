import { normalizeFa } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { councilSelect, loadCouncil, quorumRuleOf, toCouncilDto, type CouncilRow } from './council-row.ts';
import type { QuorumRule } from './council-rules.ts';
import { checkQuorumRule } from './create-council.ts';

/** Renames a council or changes its quorum rule (meetings already closed keep their quorum). */
export async function updateCouncil(tx: Queryable, ctx: OpContext, input: { id: string; name?: string | undefined; quorum?: QuorumRule | undefined }) {
  const c = await loadCouncil(tx, ctx.actor, input.id, 'councils.manage', true);
  const changes: Record<string, unknown> = {};
  if (input.name !== undefined && normalizeFa(input.name) !== c.name) {
    const name = normalizeFa(input.name);
    await tx.query('UPDATE council SET name = $2, updated_at = now() WHERE id = $1', [c.id, name]);
    changes.name = { from: c.name, to: name };
  }
  if (input.quorum !== undefined) {
    const rule = checkQuorumRule(input.quorum);
    await tx.query('UPDATE council SET quorum_kind = $2, quorum_min = $3, quorum_requires_chair = $4, updated_at = now() WHERE id = $1', [c.id, rule.kind, rule.minMembers, rule.requiresChair]);
    changes.quorum = { from: quorumRuleOf(c), to: rule };
  }
  if (Object.keys(changes).length) await writeAudit(tx, ctx, { action: 'council.update', entityType: 'council', entityId: c.id, unitId: c.unit_id, summary: changes });
  const { rows } = await tx.query<CouncilRow>(`${councilSelect} WHERE c.id = $1`, [c.id]);
  return toCouncilDto(rows[0]!);
}
