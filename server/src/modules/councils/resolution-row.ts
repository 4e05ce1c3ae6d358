import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';
import { holdsAt } from '../access/scope.ts';
import { latinDay } from './council-row.ts';
import type { ResolutionDto } from './councils.schemas.ts';

export const resolutionSelect = `
  SELECT r.id, r.council_id, r.meeting_id, r.fiscal_year, r.serial, r.kind, r.supersedes_id, r.chain_id, r.text, r.ceiling_rials,
         r.purpose_codes, r.valid_from, r.valid_until, r.created_at, m.held_at, c.name AS council_name, c.unit_id,
         u.name AS unit_name, u.code AS unit_code, u.kind AS unit_kind, u.path AS unit_path,
         n.id AS superseded_by_id, n.kind AS superseded_by_kind
    FROM council_resolution r
    JOIN council_meeting m ON m.id = r.meeting_id
    JOIN council c ON c.id = r.council_id
    JOIN org_unit u ON u.id = c.unit_id
    LEFT JOIN council_resolution n ON n.supersedes_id = r.id`;

export interface ResolutionRow {
  id: string; council_id: string; meeting_id: string; fiscal_year: number; serial: number; kind: ResolutionDto['kind'];
  supersedes_id: string | null; chain_id: string; text: string; ceiling_rials: bigint | null; purpose_codes: string[];
  valid_from: Date | null; valid_until: Date | null; created_at: Date; held_at: Date; council_name: string; unit_id: string;
  unit_name: string; unit_code: string; unit_kind: string; unit_path: string[]; superseded_by_id: string | null; superseded_by_kind: ResolutionDto['kind'] | null;
}

export const resolutionNumber = (r: { fiscal_year: number; serial: number }) => `${r.fiscal_year}/${r.serial}`;

export function resolutionStatus(r: Pick<ResolutionRow, 'kind' | 'superseded_by_kind'>): ResolutionDto['status'] {
  if (r.kind === 'revocation') return 'revocation';
  if (r.superseded_by_kind === 'revocation') return 'revoked';
  if (r.superseded_by_kind) return 'amended';
  return 'in_force';
}

export function toResolutionSummary(r: ResolutionRow) {
  return { id: r.id, number: resolutionNumber(r), kind: r.kind, status: resolutionStatus(r), text: r.text, passedOn: latinDay(r.held_at) };
}

/** A resolution the actor may see (its council's unit in scope), or RESOLUTION_NOT_FOUND. */
export async function loadResolution(db: Queryable, actor: Actor | SystemActor, id: string, permission: Permission = 'councils.read'): Promise<ResolutionRow> {
  const { rows } = await db.query<ResolutionRow>(`${resolutionSelect} WHERE r.id = $1`, [id]);
  const r = rows[0];
  if (!r || !holdsAt(actor, 'councils.read', r.unit_path)) throw new AppError('RESOLUTION_NOT_FOUND');
  if (!holdsAt(actor, permission, r.unit_path)) throw new AppError('FORBIDDEN');
  return r;
}
