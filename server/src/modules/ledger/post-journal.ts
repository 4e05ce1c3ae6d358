import { fiscalPeriod } from '@mosharekat/fa';
import type { DatabaseError } from 'pg';
import { deferSql, type Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import type { JournalKind } from './journal-kinds.ts';

export interface Line {
  accountId: string;
  /** the earmark moved; for a fund line, the fund itself */
  fundId: string;
  /** rials; debit positive, credit negative */
  amount: bigint;
}

export interface JournalInput {
  kind: JournalKind;
  unitId: string;
  occurredAt: Date;
  lines: Line[];
  description?: string | null;
  documentNo?: string | null;
  reversesId?: bigint | null;
}

/** Why a set of lines cannot be a journal, or null when it can. Pure, for tests and for postJournal. */
export function unbalancedReason(lines: Line[]): string | null {
  if (lines.length < 2) return 'a journal needs at least two lines';
  if (lines.some((l) => l.amount === 0n)) return 'a line of zero';
  const total = lines.reduce((s, l) => s + l.amount, 0n);
  if (total !== 0n) return `lines sum to ${total}`;
  const perFund = new Map<string, bigint>();
  for (const l of lines) perFund.set(l.fundId, (perFund.get(l.fundId) ?? 0n) + l.amount);
  for (const [fund, sum] of perFund) if (sum !== 0n) return `lines of fund ${fund} sum to ${sum}`;
  return null;
}

/** The database refused a balance row going below zero (the CHECK on ledger_balance). */
export function isOverdraft(err: unknown): boolean {
  const e = err as DatabaseError;
  return e?.code === '23514' && e.constraint === 'ledger_balance_not_overdrawn';
}

/**
 * Posts one balanced journal and applies it to the cached balances, in the caller's transaction
 * (one round trip: the ledger_post function). The CHECK on ledger_balance refuses any overdraft,
 * and this raises LEDGER_INSUFFICIENT_FUNDS.
 */
export async function postJournal(tx: Queryable, ctx: OpContext, input: JournalInput): Promise<bigint> {
  const reason = unbalancedReason(input.lines);
  if (reason) throw new AppError('LEDGER_UNBALANCED', { params: { reason } });
  const { fiscalYear, fiscalMonth } = fiscalPeriod(input.occurredAt);
  const actorId = ctx.actor.kind === 'staff' ? ctx.actor.userId : null;
  try {
    const { rows } = await tx.query<{ id: bigint }>(
      'SELECT ledger_post($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::uuid[], $12::uuid[], $13::bigint[]) AS id',
      [input.kind, input.unitId, input.occurredAt, fiscalYear, fiscalMonth, input.description ?? null, input.documentNo ?? null,
        input.reversesId ?? null, actorId, ctx.requestId,
        input.lines.map((l) => l.accountId), input.lines.map((l) => l.fundId), input.lines.map((l) => l.amount.toString())],
    );
    return rows[0]!.id;
  } catch (err) {
    if (isOverdraft(err)) throw new AppError('LEDGER_INSUFFICIENT_FUNDS');
    if ((err as DatabaseError).code === '23505' && (err as DatabaseError).constraint === 'journal_reverses_id_key') throw new AppError('LEDGER_ALREADY_REVERSED');
    throw err;
  }
}

/** Posts the mirror image of a journal (every line negated), pointing at the original. */
export async function reverseJournal(tx: Queryable, ctx: OpContext, input: { journalId: bigint; kind: JournalKind; description: string; occurredAt?: Date }): Promise<bigint> {
  const { rows: j } = await tx.query<{ unit_id: string; document_no: string | null }>('SELECT unit_id, document_no FROM journal WHERE id = $1', [input.journalId]);
  if (!j[0]) throw new AppError('NOT_FOUND');
  const { rows } = await tx.query<{ account_id: string; fund_id: string; amount: bigint }>(
    'SELECT account_id, fund_id, amount FROM journal_line WHERE journal_id = $1 ORDER BY line_no',
    [input.journalId],
  );
  return postJournal(tx, ctx, {
    kind: input.kind, unitId: j[0].unit_id, occurredAt: input.occurredAt ?? new Date(), description: input.description,
    documentNo: j[0].document_no, reversesId: input.journalId,
    lines: rows.map((r) => ({ accountId: r.account_id, fundId: r.fund_id, amount: -r.amount })),
  });
}

/**
 * Posts a journal whose lines and balance effects can wait until just before commit: the journal
 * row now (its id is needed), its lines and the cached balances as the transaction's last
 * statements. For gifts, and for paying money a hold already reserved, so that a campaign's gifts
 * and spending on one fund queue on its balance row (and its account's day totals, kept by a
 * trigger on the lines) only for the last moment of each transaction. An overdraft, should one
 * still occur, is refused at commit as LEDGER_INSUFFICIENT_FUNDS.
 */
export async function postJournalDeferred(tx: Queryable, ctx: OpContext, input: JournalInput): Promise<bigint> {
  const reason = unbalancedReason(input.lines);
  if (reason) throw new AppError('LEDGER_UNBALANCED', { params: { reason } });
  const { fiscalYear, fiscalMonth } = fiscalPeriod(input.occurredAt);
  const { rows } = await tx.query<{ id: bigint }>(
    `INSERT INTO journal (kind, unit_id, occurred_at, fiscal_year, fiscal_month, description, document_no, reverses_id, created_by, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [input.kind, input.unitId, input.occurredAt, fiscalYear, fiscalMonth, input.description ?? null, input.documentNo ?? null,
      input.reversesId ?? null, ctx.actor.kind === 'staff' ? ctx.actor.userId : null, ctx.requestId],
  );
  const id = rows[0]!.id;
  const accounts = input.lines.map((l) => l.accountId);
  const funds = input.lines.map((l) => l.fundId);
  const amounts = input.lines.map((l) => l.amount.toString());
  await deferSql(tx,
    `INSERT INTO journal_line (journal_id, line_no, account_id, fund_id, amount, occurred_at)
     SELECT $1::bigint, x.n, x.a, x.f, x.m, $2::timestamptz FROM unnest($3::uuid[], $4::uuid[], $5::bigint[]) WITH ORDINALITY AS x(a, f, m, n)`,
    [id, input.occurredAt, accounts, funds, amounts]);
  await deferSql(tx, 'SELECT ledger_apply_deltas($1::uuid[], $2::uuid[], $3::bigint[])', [accounts, funds, amounts],
    (err) => (isOverdraft(err) ? new AppError('LEDGER_INSUFFICIENT_FUNDS') : null));
  return id;
}
