import type { Queryable } from '../../db/pool.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { checkedDataKeys, decryptIdent, decryptMobile, decryptSheba } from './donor-pii.ts';
import { loadDonor } from './donor-scope.ts';

/**
 * The unmasked national code / legal id, mobiles (also of contacts) and Sheba of one donor, for a
 * holder of donors.pii at one of the donor's units. Each reveal writes an audit row (which
 * fields, never the values), in the same transaction as the read.
 */
export async function revealDonor(tx: Queryable, ctx: OpContext, id: string) {
  const row = await loadDonor(tx, ctx.actor, id, 'donors.pii');
  const keys = await checkedDataKeys(tx);
  const { rows: mobiles } = await tx.query<{ mobile_enc: Buffer }>(
    'SELECT mobile_enc FROM donor_mobile WHERE donor_id = $1 ORDER BY position, added_at', [row.id]);
  const { rows: contacts } = await tx.query<{ id: string; mobile_enc: Buffer | null }>(
    'SELECT id, mobile_enc FROM donor_contact WHERE donor_id = $1 ORDER BY position', [row.id]);
  const ident = row.ident_enc ? decryptIdent(row.type, row.ident_enc, keys) : null;
  const result = {
    nationalCode: row.type === 'natural' ? ident : null,
    legalId: row.type === 'legal' ? ident : null,
    mobiles: mobiles.map((m) => decryptMobile(m.mobile_enc, keys)),
    sheba: row.sheba_enc ? decryptSheba(row.sheba_enc, keys) : null,
    contacts: contacts.map((c) => ({ id: c.id, mobile: c.mobile_enc ? decryptMobile(c.mobile_enc, keys) : null })),
  };
  const fields = Object.entries({ nationalCode: result.nationalCode, legalId: result.legalId, sheba: result.sheba })
    .filter(([, v]) => v !== null).map(([k]) => k);
  if (result.mobiles.length) fields.push('mobiles');
  if (result.contacts.some((c) => c.mobile)) fields.push('contacts.mobile');
  await writeAudit(tx, ctx, { action: 'donor.reveal', entityType: 'donor', entityId: row.id, unitId: row.unit_id, summary: { fields } });
  return result;
}
