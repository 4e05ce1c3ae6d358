import { searchKey } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadOrgUnit } from '../org/load-org-unit.ts';
import { buildDonorDto } from './donor-dto.ts';
import { displayNameOf, normalizeDonorFields, type DonorFieldsInput, type DonorType } from './donor-input.ts';
import { checkedDataKeys, encryptIdent, encryptSheba, identHash } from './donor-pii.ts';
import { loadDonor } from './donor-scope.ts';
import {
  checkGeoAndCategories, checkRelations, donorByIdentity, duplicateError, lockIdentity, throwIssues,
  writeContacts, writeMobiles, writeRelations, type RelationsInput,
} from './donor-writes.ts';

export type CreateDonorInput = DonorFieldsInput & RelationsInput & {
  type: DonorType;
  /** the registering unit; default: the actor's home unit */
  unitId?: string | undefined;
};

/**
 * Registers a natural or legal person. One donor per national code / legal id: a second one
 * answers 409 DONOR_DUPLICATE (with the existing id when the caller may see that donor). Nothing
 * is written unless every field is valid.
 */
export async function createDonor(tx: Queryable, ctx: OpContext, input: CreateDonorInput) {
  const unitId = input.unitId ?? (ctx.actor.kind === 'staff' ? ctx.actor.homeUnitId : undefined);
  if (!unitId) throw new AppError('FIELD_REQUIRED', { field: 'unitId' });
  const unit = await loadOrgUnit(tx, ctx.actor, unitId, 'donors.manage');
  if (unit.status === 'retired') throw new AppError('ORG_UNIT_RETIRED', { field: 'unitId' });

  const { values, issues } = normalizeDonorFields(input.type, input, { partial: false });
  issues.push(...await checkGeoAndCategories(tx, values));
  issues.push(...await checkRelations(tx, ctx.actor, input.type, null, input));
  throwIssues(issues);

  const keys = await checkedDataKeys(tx);
  const ident = input.type === 'natural' ? values.nationalCode : values.legalId;
  const hash = ident ? identHash(input.type, ident, keys) : null;
  if (hash) {
    await lockIdentity(tx, hash);
    const existing = await donorByIdentity(tx, hash);
    if (existing) throw duplicateError(ctx.actor, existing, input.type === 'natural' ? 'nationalCode' : 'legalId');
  }

  const displayName = displayNameOf(input.type, values);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO donor (type, unit_id, display_name, name_key, first_name, last_name, father_name, birth_date, gender,
        legal_name, legal_type, registration_no, economic_code, ident_hash, ident_enc, phone, email, preferred_channel,
        province_geo_id, county_geo_id, place_geo_id, address_line, postal_code, sheba_enc, public_consent, tags, categories,
        notes, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24,
        $25, $26, $27, $28, $29)
     RETURNING id`,
    [input.type, unit.id, displayName, searchKey(displayName), values.firstName ?? null, values.lastName ?? null,
      values.fatherName ?? null, values.birthDate ?? null, values.gender ?? null, values.legalName ?? null, values.legalType ?? null,
      values.registrationNo ?? null, values.economicCode ?? null, hash, ident ? encryptIdent(input.type, ident, keys) : null,
      values.phone ?? null, values.email ?? null, values.preferredChannel ?? null, values.provinceId ?? null, values.countyId ?? null,
      values.placeId ?? null, values.addressLine ?? null, values.postalCode ?? null, values.sheba ? encryptSheba(values.sheba, keys) : null,
      values.publicConsent ?? false, values.tags ?? [], values.categories ?? [], values.notes ?? null,
      ctx.actor.kind === 'staff' ? ctx.actor.userId : null],
  );
  const id = rows[0]!.id;
  await tx.query(`INSERT INTO donor_unit_link (donor_id, unit_id, reason) VALUES ($1, $2, 'registration')`, [id, unit.id]);
  if (values.mobiles?.length) await writeMobiles(tx, id, values.mobiles, keys);
  if (values.contacts?.length) await writeContacts(tx, id, values.contacts, keys);
  await writeRelations(tx, id, input);
  // no identifiers or phone numbers in the audit log: it is kept for ever and read by inspectors
  await writeAudit(tx, ctx, {
    action: 'donor.create', entityType: 'donor', entityId: id, unitId: unit.id,
    summary: { type: input.type, displayName, hasIdentifier: Boolean(ident), mobiles: values.mobiles?.length ?? 0 },
  });
  return buildDonorDto(tx, ctx.actor, await loadDonor(tx, ctx.actor, id, 'donors.read'));
}
