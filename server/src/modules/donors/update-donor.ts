import { searchKey } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { buildDonorDto } from './donor-dto.ts';
import { displayNameOf, normalizeDonorFields, type DonorFieldsInput } from './donor-input.ts';
import { checkedDataKeys, decryptSheba, encryptIdent, encryptSheba, identHash, mobileHash } from './donor-pii.ts';
import { loadDonor } from './donor-scope.ts';
import {
  checkGeoAndCategories, checkRelations, donorByIdentity, duplicateError, lockIdentity, throwIssues,
  writeContacts, writeMobiles, writeRelations, type RelationsInput,
} from './donor-writes.ts';

export type UpdateDonorInput = DonorFieldsInput & RelationsInput & { id: string };

// field → column, for the plain (unencrypted) columns a PATCH may set
const plainColumns = {
  firstName: 'first_name', lastName: 'last_name', fatherName: 'father_name', birthDate: 'birth_date', gender: 'gender',
  legalName: 'legal_name', legalType: 'legal_type', registrationNo: 'registration_no', economicCode: 'economic_code',
  phone: 'phone', email: 'email', preferredChannel: 'preferred_channel', provinceId: 'province_geo_id', countyId: 'county_geo_id',
  placeId: 'place_geo_id', addressLine: 'address_line', postalCode: 'postal_code', publicConsent: 'public_consent',
  tags: 'tags', categories: 'categories', notes: 'notes',
} as const;
// contact details are personal too: the audit log (kept for ever) only says they changed
const privateFields = new Set<string>(['phone', 'email', 'addressLine', 'postalCode', 'birthDate']);

/**
 * Edits a donor: absent fields stay, null clears, lists are replaced. A new national code or
 * legal id must not belong to another donor (409). The audit row names the changed fields and the
 * old and new values of non-personal ones; identifiers, mobiles and Sheba only as "changed".
 */
export async function updateDonor(tx: Queryable, ctx: OpContext, input: UpdateDonorInput) {
  const row = await loadDonor(tx, ctx.actor, input.id, 'donors.manage', true);
  if (row.status === 'merged') throw new AppError('DONOR_MERGED', { details: { mergedIntoId: row.merged_into } });
  const { values, issues } = normalizeDonorFields(row.type, input, { partial: true });
  if (values.provinceId !== undefined || values.categories) issues.push(...await checkGeoAndCategories(tx, values));
  issues.push(...await checkRelations(tx, ctx.actor, row.type, row.id, input));
  throwIssues(issues);
  const keys = await checkedDataKeys(tx);

  const sets: string[] = [];
  const params: unknown[] = [row.id];
  const changes: Record<string, unknown> = {};
  const set = (column: string, value: unknown) => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };

  for (const [field, column] of Object.entries(plainColumns) as [keyof typeof plainColumns, string][]) {
    const next = values[field];
    if (next === undefined) continue;
    const before = (row as unknown as Record<string, unknown>)[column];
    if (JSON.stringify(before ?? null) === JSON.stringify(next ?? null)) continue;
    set(column, next);
    changes[field] = privateFields.has(field) ? 'changed' : { from: before ?? null, to: next };
  }
  if (values.firstName !== undefined || values.lastName !== undefined || values.legalName !== undefined) {
    const displayName = displayNameOf(row.type, {
      firstName: values.firstName ?? row.first_name, lastName: values.lastName ?? row.last_name, legalName: values.legalName ?? row.legal_name,
    });
    if (displayName !== row.display_name) {
      set('display_name', displayName);
      set('name_key', searchKey(displayName));
    }
  }

  const identField = row.type === 'natural' ? 'nationalCode' : 'legalId';
  const ident = values[identField];
  if (ident !== undefined) {
    const hash = ident ? identHash(row.type, ident, keys) : null;
    if (!(hash && row.ident_hash?.equals(hash)) && !(hash === null && row.ident_hash === null)) {
      if (hash) {
        await lockIdentity(tx, hash);
        const existing = await donorByIdentity(tx, hash);
        if (existing && existing.id !== row.id) throw duplicateError(ctx.actor, existing, identField);
      }
      set('ident_hash', hash);
      set('ident_enc', ident ? encryptIdent(row.type, ident, keys) : null);
      changes[identField] = ident ? 'changed' : 'cleared';
    }
  }
  if (values.sheba !== undefined) {
    const before = row.sheba_enc ? decryptSheba(row.sheba_enc, keys) : null;
    if (before !== values.sheba) {
      set('sheba_enc', values.sheba ? encryptSheba(values.sheba, keys) : null);
      changes.sheba = values.sheba ? 'changed' : 'cleared';
    }
  }
  if (sets.length) await tx.query(`UPDATE donor SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);

  if (values.mobiles) {
    const { rows: current } = await tx.query<{ mobile_hash: Buffer }>('SELECT mobile_hash FROM donor_mobile WHERE donor_id = $1 ORDER BY position, added_at', [row.id]);
    const next = values.mobiles.map((m) => mobileHash(m, keys));
    const same = current.length === next.length && current.every((c, i) => c.mobile_hash.equals(next[i]!));
    if (!same) {
      await writeMobiles(tx, row.id, values.mobiles, keys);
      changes.mobiles = { count: values.mobiles.length };
    }
  }
  if (values.contacts) {
    await writeContacts(tx, row.id, values.contacts, keys);
    changes.contacts = { count: values.contacts.length };
  }
  if (input.relations || input.representatives) {
    await writeRelations(tx, row.id, input);
    if (input.relations) changes.relations = input.relations.map((r) => ({ kind: r.kind, donorId: r.donorId, role: r.role ?? null }));
    if (input.representatives) changes.representatives = input.representatives;
  }

  if (Object.keys(changes).length) {
    if (!sets.length) await tx.query('UPDATE donor SET updated_at = now() WHERE id = $1', [row.id]);
    await writeAudit(tx, ctx, { action: 'donor.update', entityType: 'donor', entityId: row.id, unitId: row.unit_id, summary: changes });
  }
  return buildDonorDto(tx, ctx.actor, await loadDonor(tx, ctx.actor, row.id, 'donors.read'));
}
