import { formatJalaliDate } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import type { Channel, ContributionDto } from './contributions.schemas.ts';

export const contributionSelect = `
  SELECT c.id, c.unit_id, u.name AS unit_name, u.code AS unit_code, u.path AS unit_path, c.province_unit_id, c.donor_id, dn.display_name AS donor_name,
         c.fund_id, f.kind AS fund_kind, f.name AS fund_name, f.purpose_code, f.target_group_code,
         c.amount_rials, c.channel, c.channel_ref, c.received_at, c.fiscal_year, c.journal_id, c.receipt_no, c.receipt_code,
         c.batch_id, c.notes, c.recorded_by, rb.username AS recorded_by_name, c.created_at,
         r.reason AS reversal_reason, rr.username AS reversed_by_name, r.reversed_at, r.journal_id AS reversal_journal_id
    FROM contribution c
    JOIN org_unit u ON u.id = c.unit_id
    JOIN fund f ON f.id = c.fund_id
    LEFT JOIN staff_user rb ON rb.id = c.recorded_by
    LEFT JOIN donor dn ON dn.id = c.donor_id
    LEFT JOIN contribution_reversal r ON r.contribution_id = c.id
    LEFT JOIN staff_user rr ON rr.id = r.reversed_by`;

export interface ContributionRow {
  id: string; unit_id: string; unit_name: string; unit_code: string; unit_path: string[]; province_unit_id: string; donor_id: string | null; donor_name: string | null;
  fund_id: string; fund_kind: 'general' | 'specific'; fund_name: string; purpose_code: string; target_group_code: string | null;
  amount_rials: bigint; channel: Channel; channel_ref: string | null; received_at: Date; fiscal_year: number; journal_id: bigint;
  receipt_no: string; receipt_code: string; batch_id: string | null; notes: string | null; recorded_by: string | null;
  recorded_by_name: string | null; created_at: Date; reversal_reason: string | null; reversed_by_name: string | null;
  reversed_at: Date | null; reversal_journal_id: bigint | null;
}

export function toContributionDto(r: ContributionRow): ContributionDto {
  return {
    id: r.id, unit: { id: r.unit_id, name: r.unit_name, code: r.unit_code }, provinceUnitId: r.province_unit_id, donorId: r.donor_id, donorName: r.donor_name,
    fund: { id: r.fund_id, kind: r.fund_kind, name: r.fund_name, purposeCode: r.purpose_code, targetGroupCode: r.target_group_code },
    amountRials: r.amount_rials.toString(), channel: r.channel, channelRef: r.channel_ref, receivedAt: r.received_at.toISOString(),
    receivedOn: formatJalaliDate(r.received_at, { digits: 'latin' }), fiscalYear: r.fiscal_year, receiptNo: r.receipt_no, receiptCode: r.receipt_code,
    status: r.reversed_at ? 'reversed' : 'posted',
    reversal: r.reversed_at ? { reason: r.reversal_reason!, reversedBy: r.reversed_by_name ?? '', reversedAt: r.reversed_at.toISOString(), journalId: String(r.reversal_journal_id) } : null,
    journalId: r.journal_id.toString(), batchId: r.batch_id, notes: r.notes, recordedBy: r.recorded_by_name, createdAt: r.created_at.toISOString(),
  };
}

export async function selectContribution(db: Queryable, id: string): Promise<ContributionRow | undefined> {
  const { rows } = await db.query<ContributionRow>(`${contributionSelect} WHERE c.id = $1`, [id]);
  return rows[0];
}
