// The donor form's values and the API bodies made from them. Field names follow the API's field
// paths (mobiles.1, address.placeId, relations.0.donorId…), so the server's field errors land on
// the right control. An edit sends only what changed (PATCH: absent = unchanged, null = cleared,
// lists replaced whole) and never what is still masked.
import { fromJalaliKey, jalaliDay } from '../../lib/jalali-generate-config';
import type { ContactChannel, Donor, DonorPatch, DonorType, Gender, LegalType, NewDonor, Revealed, RelationKind } from './types';

export interface AddressValues {
  provinceId?: number | null;
  countyId?: number | null;
  placeId?: number | null;
  line?: string | null;
  postalCode?: string | null;
}

export interface DonorFormValues {
  type: DonorType;
  unitId?: string;
  firstName?: string;
  lastName?: string;
  fatherName?: string;
  nationalCode?: string;
  birthDate?: Date | null;
  gender?: Gender | null;
  legalName?: string;
  legalType?: LegalType | null;
  legalId?: string;
  registrationNo?: string;
  economicCode?: string;
  mobiles?: (string | undefined)[];
  phone?: string;
  email?: string;
  preferredChannel?: ContactChannel | null;
  sheba?: string;
  publicConsent?: boolean;
  address?: AddressValues;
  tags?: string[];
  categories?: string[];
  notes?: string;
  relations?: { kind?: RelationKind; donorId?: string | null; role?: string }[];
  representatives?: { donorId?: string | null; role?: string }[];
  contacts?: { id?: string; fullName?: string; title?: string; mobile?: string; phone?: string; email?: string }[];
}

/** Fields that stay masked in an edit until the identifiers are revealed: never sent while masked. */
export const MASKED_FIELDS = ['nationalCode', 'mobiles', 'sheba', 'contacts'] as const;

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

type Fields = Record<string, unknown>;

/** Every field of the donor's type as the API spells it, with null for empty. */
export function fieldsOf(values: DonorFormValues): Fields {
  const address = values.address ?? {};
  const addressValue = {
    provinceId: address.provinceId ?? null,
    countyId: address.countyId ?? null,
    placeId: address.placeId ?? null,
    line: text(address.line),
    postalCode: text(address.postalCode),
  };
  const common: Fields = {
    mobiles: (values.mobiles ?? []).map((m) => text(m)).filter((m): m is string => m !== null),
    phone: text(values.phone),
    email: text(values.email),
    preferredChannel: values.preferredChannel ?? null,
    sheba: text(values.sheba),
    publicConsent: Boolean(values.publicConsent),
    address: Object.values(addressValue).every((v) => v === null) ? null : addressValue,
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    categories: values.categories ?? [],
    notes: text(values.notes),
  };
  if (values.type === 'natural') {
    return {
      firstName: text(values.firstName),
      lastName: text(values.lastName),
      fatherName: text(values.fatherName),
      nationalCode: text(values.nationalCode),
      birthDate: values.birthDate ? jalaliDay(values.birthDate) : null,
      gender: values.gender ?? null,
      relations: (values.relations ?? [])
        .filter((r) => r.kind || r.donorId)
        .map((r) => ({ kind: r.kind, donorId: r.donorId ?? null, role: text(r.role) })),
      ...common,
    };
  }
  return {
    legalName: text(values.legalName),
    legalType: values.legalType ?? null,
    legalId: text(values.legalId),
    registrationNo: text(values.registrationNo),
    economicCode: text(values.economicCode),
    contacts: (values.contacts ?? [])
      .filter((c) => text(c.fullName) || text(c.mobile) || text(c.phone) || text(c.email))
      .map((c) => ({ fullName: text(c.fullName), title: text(c.title), mobile: text(c.mobile), phone: text(c.phone), email: text(c.email) })),
    representatives: (values.representatives ?? []).filter((r) => r.donorId || text(r.role)).map((r) => ({ donorId: r.donorId ?? null, role: text(r.role) })),
    ...common,
  };
}

/** Drops nulls inside list items and the address, where the API wants the key absent. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, compact(v)]));
  return value;
}

/** POST /api/donors: only what was filled in. */
export function createBody(values: DonorFormValues): NewDonor {
  const body: Fields = { type: values.type };
  if (values.unitId) body.unitId = values.unitId;
  for (const [key, value] of Object.entries(fieldsOf(values))) {
    if (value === null || value === false || (Array.isArray(value) && value.length === 0)) continue;
    body[key] = compact(value);
  }
  return body as NewDonor;
}

/** PATCH /api/donors/:id: the fields that differ from the record, minus the ones still masked. */
export function patchBody(initial: DonorFormValues, next: DonorFormValues, locked: readonly string[] = []): DonorPatch {
  const before = fieldsOf(initial);
  const after = fieldsOf(next);
  const body: Fields = {};
  for (const [key, value] of Object.entries(after)) {
    if (locked.includes(key)) continue;
    if (JSON.stringify(value) === JSON.stringify(before[key])) continue;
    body[key] = value === null ? null : compact(value);
  }
  return body as DonorPatch;
}

/** A donor's record as form values; identifiers are the revealed ones, or the masked text when not revealed. */
export function valuesFromDonor(donor: Donor, revealed?: Revealed | null): DonorFormValues {
  const contactMobile = (id: string, masked: string | null) => (revealed ? (revealed.contacts.find((c) => c.id === id)?.mobile ?? '') : (masked ?? ''));
  return {
    type: donor.type,
    firstName: donor.firstName ?? '',
    lastName: donor.lastName ?? '',
    fatherName: donor.fatherName ?? '',
    nationalCode: (revealed ? revealed.nationalCode : donor.nationalCode) ?? '',
    birthDate: donor.birthDate ? fromJalaliKey(donor.birthDate.replace(/\//g, '-')) : null,
    gender: donor.gender,
    legalName: donor.legalName ?? '',
    legalType: donor.legalType,
    legalId: donor.legalId ?? '',
    registrationNo: donor.registrationNo ?? '',
    economicCode: donor.economicCode ?? '',
    mobiles: revealed ? revealed.mobiles : donor.mobiles,
    phone: donor.phone ?? '',
    email: donor.email ?? '',
    preferredChannel: donor.preferredChannel,
    sheba: (revealed ? revealed.sheba : donor.sheba) ?? '',
    publicConsent: donor.publicConsent,
    address: {
      provinceId: donor.address.province?.id ?? null,
      countyId: donor.address.county?.id ?? null,
      placeId: donor.address.place?.id ?? null,
      line: donor.address.line ?? '',
      postalCode: donor.address.postalCode ?? '',
    },
    tags: donor.tags,
    categories: donor.categories,
    notes: donor.notes ?? '',
    relations: donor.relations.filter((r) => r.direction === 'outgoing').map((r) => ({ kind: r.kind, donorId: r.donor.id, role: r.role ?? '' })),
    representatives: donor.relations
      .filter((r) => r.kind === 'representative_of' && r.direction === 'incoming')
      .map((r) => ({ donorId: r.donor.id, role: r.role ?? '' })),
    contacts: donor.contacts.map((c) => ({ id: c.id, fullName: c.fullName, title: c.title ?? '', mobile: contactMobile(c.id, c.mobile), phone: c.phone ?? '', email: c.email ?? '' })),
  };
}
