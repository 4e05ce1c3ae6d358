import { toLatinDigits } from '@mosharekat/fa';
import type { DatabaseError } from 'pg';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { scopeRoots } from '../access/scope.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { listCatalogues } from '../ledger/catalogues.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';

/** '*733*9*7#' from what people and aggregators write: Persian digits, spaces, a missing '#'. */
export function normalizeUssdCode(input: string): string | null {
  const s = toLatinDigits(input).replace(/[\s\u200c-\u200f\u202a-\u202e]/g, '');
  const m = /^\*?(\d+(?:\*\d+)*)#?$/.exec(s);
  return m ? `*${m[1]}#` : null;
}

/** The codes a dialled string could belong to, longest first: '*733*9*7*50000#' may be '*733*9*7#' plus an amount. */
export function codeCandidates(dialled: string): string[] {
  const n = normalizeUssdCode(dialled);
  if (!n) return [];
  const segs = n.slice(1, -1).split('*');
  const out: string[] = [];
  for (let k = segs.length; k >= 1; k--) out.push(`*${segs.slice(0, k).join('*')}#`);
  return out;
}

export interface UssdCodeRow {
  id: string; code: string; purpose_code: string; unit_code: string; campaign: string | null; active: boolean;
  unit_id: string | null; unit_name: string | null; unit_path: string[] | null; purpose_fa: string; created_at: Date; updated_at: Date;
}

// The receiving unit is held by its stable code (see the migration), resolved against the org tree here.
const select = `
  SELECT k.id, k.code, k.purpose_code, k.unit_code, k.campaign, k.active, k.created_at, k.updated_at,
         u.id AS unit_id, u.name AS unit_name, u.path AS unit_path, p.label_fa AS purpose_fa
    FROM ussd_code k JOIN purpose p ON p.code = k.purpose_code LEFT JOIN org_unit u ON u.code = k.unit_code`;

export function toUssdCodeDto(r: UssdCodeRow) {
  return {
    id: r.id, code: r.code, purposeCode: r.purpose_code, purposeLabel: r.purpose_fa, campaign: r.campaign, active: r.active,
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name!, code: r.unit_code } : null, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}
export type UssdCodeDto = ReturnType<typeof toUssdCodeDto>;

/** The active code a dialled string belongs to, with its unit; null if none. */
export async function resolveDialledCode(db: Queryable, dialled: string): Promise<UssdCodeRow | null> {
  const candidates = codeCandidates(dialled);
  if (!candidates.length) return null;
  const { rows } = await db.query<UssdCodeRow>(`${select} WHERE k.code = ANY($1) AND k.active ORDER BY length(k.code) DESC LIMIT 1`, [candidates]);
  return rows[0] ?? null;
}

/** Codes whose unit is in the reader's scope (codes of HQ for HQ readers), newest first. */
export async function listUssdCodes(db: Queryable, ctx: OpContext) {
  const scope = scopeRoots(ctx.actor, 'contributions.read');
  const { rows } = await db.query<UssdCodeRow>(`${select} WHERE ($1::uuid[] IS NULL OR u.path && $1::uuid[]) ORDER BY k.created_at DESC, k.code`, [scope]);
  return { items: rows.map(toUssdCodeDto) };
}

async function checkPurpose(db: Queryable, code: string) {
  const { purposes } = await listCatalogues(db);
  if (!purposes.some((p) => p.code === code)) throw new AppError('LEDGER_PURPOSE_UNKNOWN', { field: 'purposeCode' });
}

async function loadCode(db: Queryable, id: string, ctx: OpContext, forUpdate = false): Promise<UssdCodeRow> {
  const { rows } = await db.query<UssdCodeRow>(`${select} WHERE k.id = $1 ${forUpdate ? 'FOR UPDATE OF k' : ''}`, [id]);
  const r = rows[0];
  if (!r) throw new AppError('USSD_CODE_NOT_FOUND');
  // a code whose unit is outside the caller's scope answers like a missing one
  if (ctx.actor.kind === 'staff' && !(r.unit_path ?? []).some((u) => scopeRoots(ctx.actor, 'org.manage')!.includes(u))) throw new AppError('USSD_CODE_NOT_FOUND');
  return r;
}

export interface UssdCodeInput { code: string; purposeCode: string; unitId: string; campaign?: string | null | undefined }

export async function createUssdCode(tx: Queryable, ctx: OpContext, input: UssdCodeInput) {
  const code = normalizeUssdCode(input.code);
  if (!code) throw new AppError('USSD_CODE_FORMAT', { field: 'code' });
  await checkPurpose(tx, input.purposeCode);
  const unit = await loadOrgUnit(tx, ctx.actor, input.unitId, 'org.manage');
  if (unit.status !== 'active') throw new AppError('CONTRIBUTION_UNIT_RETIRED', { field: 'unitId' });
  let id: string;
  try {
    const { rows } = await tx.query<{ id: string }>(
      'INSERT INTO ussd_code (code, purpose_code, unit_code, campaign, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [code, input.purposeCode, unit.code, input.campaign?.trim() || null, ctx.actor.kind === 'staff' ? ctx.actor.userId : null],
    );
    id = rows[0]!.id;
  } catch (err) {
    if ((err as DatabaseError).code === '23505') throw new AppError('USSD_CODE_TAKEN', { field: 'code' });
    throw err;
  }
  await writeAudit(tx, ctx, { action: 'ussd_code.create', entityType: 'ussd_code', entityId: id, unitId: unit.id, summary: { code, purposeCode: input.purposeCode, unitCode: unit.code, campaign: input.campaign ?? null } });
  return toUssdCodeDto((await loadCode(tx, id, ctx))!);
}

export async function updateUssdCode(tx: Queryable, ctx: OpContext, id: string, patch: { active?: boolean | undefined; purposeCode?: string | undefined; unitId?: string | undefined; campaign?: string | null | undefined }) {
  const before = await loadCode(tx, id, ctx, true);
  if (patch.purposeCode) await checkPurpose(tx, patch.purposeCode);
  const unit = patch.unitId ? await loadOrgUnit(tx, ctx.actor, patch.unitId, 'org.manage') : null;
  await tx.query(
    `UPDATE ussd_code SET active = coalesce($2, active), purpose_code = coalesce($3, purpose_code), unit_code = coalesce($4, unit_code),
            campaign = CASE WHEN $5::boolean THEN $6 ELSE campaign END, updated_at = now() WHERE id = $1`,
    [id, patch.active ?? null, patch.purposeCode ?? null, unit?.code ?? null, patch.campaign !== undefined, patch.campaign?.trim() || null],
  );
  await writeAudit(tx, ctx, {
    action: 'ussd_code.update', entityType: 'ussd_code', entityId: id, unitId: unit?.id ?? before.unit_id,
    summary: { code: before.code, ...patch },
  });
  return toUssdCodeDto((await loadCode(tx, id, ctx))!);
}
