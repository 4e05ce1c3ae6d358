import crypto from 'node:crypto';
import { fiscalPeriod, jalaliDayRange, normalizeFa } from '@mosharekat/fa';
import type { DatabaseError } from 'pg';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { setAllowanceCeiling } from './allowances.ts';
import { loadMeeting } from './council-row.ts';
import type { QuorumResult } from './council-rules.ts';
import { getResolution } from './get-resolution.ts';
import { loadResolution } from './resolution-row.ts';

export interface PassResolutionInput {
  meetingId: string;
  kind: 'decision' | 'amendment' | 'revocation';
  /** the version an amendment or revocation supersedes */
  supersedesId?: string | undefined;
  text: string;
  authorization?: { ceilingRials: bigint; purposeCodes: string[]; validFrom: string; validTo: string } | undefined;
  delegations?: { delegateUserId: string; purposeCodes: string[]; ceilingRials: bigint; expiresOn: string }[] | undefined;
}

async function checkPurposes(tx: Queryable, codes: string[], field: string) {
  const { rows } = await tx.query<{ code: string }>('SELECT code FROM purpose WHERE code = ANY($1::text[]) AND active', [codes]);
  const known = new Set(rows.map((r) => r.code));
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) throw new AppError('RESOLUTION_PURPOSE_UNKNOWN', { field, params: { code: unknown } });
  return [...new Set(codes)];
}

function dayRange(from: string, to: string, field: string): [Date, Date] {
  try {
    return jalaliDayRange(from, to);
  } catch {
    throw new AppError('RESOLUTION_PERIOD_INVALID', { field });
  }
}

/**
 * Records a resolution passed in a meeting held with quorum, numbered per council and fiscal year
 * (1404/12). An amendment or revocation is a new resolution of the same council that supersedes
 * the latest version of an earlier one; nothing is overwritten. Passing sets the ceilings the
 * spending rules draw on (an amendment may not lower one below what is already used).
 */
export async function passResolution(tx: Queryable, ctx: OpContext, input: PassResolutionInput) {
  const { meeting, council } = await loadMeeting(tx, ctx.actor, input.meetingId, 'councils.manage', true);
  if (meeting.status !== 'held' || !meeting.quorum_met) {
    const { rows } = await tx.query<{ quorum_detail: QuorumResult | null }>('SELECT quorum_detail FROM council_meeting WHERE id = $1', [meeting.id]);
    const q = rows[0]?.quorum_detail;
    throw new AppError('MEETING_NO_QUORUM', { params: q ? { reasonFa: q.reasonFa, reasonEn: q.reasonEn } : { reasonFa: 'جلسه هنوز برگزار نشده است.', reasonEn: 'the meeting has not been held yet.' } });
  }
  // one writer per council at a time: numbering and the chains stay linear
  await tx.query('SELECT 1 FROM council WHERE id = $1 FOR UPDATE', [council.id]);

  const id = crypto.randomUUID();
  let chainId: string = id;
  if (input.kind !== 'decision') {
    const target = await loadResolution(tx, ctx.actor, input.supersedesId!, 'councils.manage');
    if (target.council_id !== council.id) throw new AppError('RESOLUTION_OTHER_COUNCIL', { field: 'meetingId' });
    if (target.kind === 'revocation') throw new AppError('RESOLUTION_REVOKED');
    if (target.superseded_by_id) throw new AppError('RESOLUTION_SUPERSEDED', { details: { latestId: target.superseded_by_id } });
    chainId = target.chain_id;
  }

  const auth = input.authorization;
  let period: [Date, Date] | null = null;
  let purposes: string[] = [];
  if (auth) {
    if (auth.ceilingRials <= 0n) throw new AppError('FIELD_AMOUNT', { field: 'authorization.ceilingRials' });
    purposes = await checkPurposes(tx, auth.purposeCodes, 'authorization.purposeCodes');
    period = dayRange(auth.validFrom, auth.validTo, 'authorization.validTo');
  }
  const delegations: { delegateUserId: string; purposes: string[]; ceiling: bigint; expiresAt: Date }[] = [];
  for (const [i, d] of (input.delegations ?? []).entries()) {
    if (d.ceilingRials <= 0n) throw new AppError('FIELD_AMOUNT', { field: `delegations.${i}.ceilingRials` });
    const { rows } = await tx.query(
      `SELECT 1 FROM role_assignment ra JOIN staff_user s ON s.id = ra.user_id
        WHERE ra.user_id = $1 AND ra.role = 'director' AND ra.unit_id = ANY($2::uuid[]) AND s.status = 'active'`,
      [d.delegateUserId, council.unit_path]);
    if (!rows.length) throw new AppError('RESOLUTION_DELEGATE_NOT_DIRECTOR', { field: `delegations.${i}.delegateUserId` });
    if (delegations.some((x) => x.delegateUserId === d.delegateUserId)) throw new AppError('VALIDATION_FAILED', { field: `delegations.${i}.delegateUserId` });
    delegations.push({
      delegateUserId: d.delegateUserId, purposes: await checkPurposes(tx, d.purposeCodes, `delegations.${i}.purposeCodes`),
      ceiling: d.ceilingRials, expiresAt: dayRange(d.expiresOn, d.expiresOn, `delegations.${i}.expiresOn`)[1],
    });
  }

  const { fiscalYear } = fiscalPeriod(meeting.held_at!);
  const { rows: counter } = await tx.query<{ last_no: number }>(
    `INSERT INTO council_resolution_counter (council_id, fiscal_year, last_no) VALUES ($1, $2, 1)
     ON CONFLICT (council_id, fiscal_year) DO UPDATE SET last_no = council_resolution_counter.last_no + 1 RETURNING last_no`,
    [council.id, fiscalYear]);
  const serial = counter[0]!.last_no;
  const text = normalizeFa(input.text);
  try {
    await tx.query(
      `INSERT INTO council_resolution (id, council_id, meeting_id, fiscal_year, serial, kind, supersedes_id, chain_id, text, ceiling_rials, purpose_codes, valid_from, valid_until, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [id, council.id, meeting.id, fiscalYear, serial, input.kind, input.supersedesId ?? null, chainId, text, auth?.ceilingRials ?? null, purposes,
        period?.[0] ?? null, period?.[1] ?? null, ctx.actor.kind === 'staff' ? ctx.actor.userId : null]);
  } catch (err) {
    // another amendment of the same version won the race
    if ((err as DatabaseError).code === '23505' && (err as DatabaseError).constraint === 'council_resolution_supersedes_id_key') throw new AppError('RESOLUTION_SUPERSEDED');
    throw err;
  }
  for (const d of delegations) {
    await tx.query(
      'INSERT INTO council_delegation (resolution_id, delegate_user_id, purpose_codes, ceiling_rials, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [id, d.delegateUserId, d.purposes, d.ceiling, d.expiresAt]);
  }
  if (auth) await setAllowanceCeiling(tx, chainId, null, auth.ceilingRials, 'authorization.ceilingRials');
  for (const [i, d] of delegations.entries()) await setAllowanceCeiling(tx, chainId, d.delegateUserId, d.ceiling, `delegations.${i}.ceilingRials`);

  const action = { decision: 'council_resolution.pass', amendment: 'council_resolution.amend', revocation: 'council_resolution.revoke' }[input.kind];
  await writeAudit(tx, ctx, {
    action, entityType: 'council_resolution', entityId: id, unitId: council.unit_id,
    summary: { number: `${fiscalYear}/${serial}`, meetingId: meeting.id, supersedesId: input.supersedesId ?? null, ceilingRials: auth?.ceilingRials ?? null, purposes, delegations: delegations.map((d) => ({ delegateUserId: d.delegateUserId, ceilingRials: d.ceiling })) },
  });
  return getResolution(tx, ctx.actor, id);
}
