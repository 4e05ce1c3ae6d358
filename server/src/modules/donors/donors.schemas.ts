import { z } from 'zod';
import { contactChannels, genders, legalTypes, relationKinds } from './donor-input.ts';

/*
 * Request and response shapes of the donor registry. Identifiers (national code, legal id,
 * mobiles, Sheba, postal code) are accepted in any common form (Persian or Latin digits, spaces,
 * dashes, +98…) and checked by the operation, which answers DONOR_*_INVALID with the field.
 * Free text is stored Persian-normalised (Arabic ي/ك become ی/ک).
 */

const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();
const name = z.string().trim().min(1).max(60);
const identifier = z.string().max(40);
const jalaliDate = z.string().max(20).meta({ description: 'Jalali date YYYY/MM/DD, Persian or Latin digits', examples: ['1365/04/21'] });

export const donorType = z.enum(['natural', 'legal']).meta({ description: 'natural: شخص حقیقی; legal: شخص حقوقی' });
export const legalType = z.enum(legalTypes).meta({
  description: 'company شرکت · charity مؤسسه خیریه · ngo سمن · government دستگاه دولتی · foundation بنیاد · religious_board هیئت مذهبی · association انجمن · university دانشگاه · municipality شهرداری · other سایر',
});

export const addressInput = z.object({
  provinceId: opt(z.number().int()).meta({ description: 'geo_division id of level province (GET /api/geo?level=province)' }),
  countyId: opt(z.number().int()).meta({ description: 'geo_division id of level county within the province' }),
  placeId: opt(z.number().int()).meta({ description: 'geo_division id of a city or village within the county' }),
  line: opt(z.string().trim().max(300)),
  postalCode: opt(z.string().max(20)),
}).strict();

export const contactInput = z.object({
  fullName: z.string().trim().min(1).max(120),
  title: opt(z.string().trim().max(60)),
  mobile: opt(identifier),
  phone: opt(identifier),
  email: opt(z.string().max(200)),
}).strict().meta({ description: 'A person to talk to at a legal person (not a donor record)' });

export const relationInput = z.object({
  kind: z.enum(relationKinds),
  donorId: z.uuid(),
  role: opt(z.string().trim().max(60)),
}).strict().meta({ description: 'This (natural) person is <kind> the other donor: employee_of / representative_of a legal person, family_of a natural person (role e.g. «همسر»)' });

export const representativeInput = z.object({
  donorId: z.uuid().meta({ description: 'a natural-person donor' }),
  role: z.string().trim().min(1).max(60).meta({ examples: ['مدیرعامل'] }),
}).strict();

const common = {
  mobiles: z.array(identifier).max(5).optional().meta({ description: 'first = primary; any form (0912…, +98912…, ۰۹۱۲…); stored 09xxxxxxxxx', examples: [['+98 912 123 4567']] }),
  phone: opt(identifier).meta({ description: 'landline with area code' }),
  email: opt(z.string().max(200)),
  preferredChannel: opt(z.enum(contactChannels)),
  address: opt(addressInput),
  sheba: opt(identifier).meta({ description: 'IBAN for refunds, IR + 24 digits (IR optional, spaces allowed)' }),
  publicConsent: z.boolean().optional().meta({ description: 'the donor agrees to be named publicly' }),
  tags: z.array(z.string().max(40)).max(20).optional(),
  categories: z.array(z.string().max(40)).max(10).optional().meta({ description: 'codes from GET /api/donors/categories' }),
  notes: opt(z.string().max(2000)),
};

const naturalFields = {
  firstName: name,
  lastName: name,
  fatherName: opt(z.string().trim().max(60)),
  nationalCode: opt(identifier).meta({ description: 'کد ملی, 10 digits; unique among donors', examples: ['0084575948'] }),
  birthDate: opt(jalaliDate),
  gender: opt(z.enum(genders)),
  relations: z.array(relationInput).max(20).optional(),
};

const legalFields = {
  legalName: z.string().trim().min(2).max(200),
  legalType,
  legalId: opt(identifier).meta({ description: 'شناسه ملی, 11 digits; unique among donors', examples: ['66823760646'] }),
  registrationNo: opt(z.string().trim().max(30)),
  economicCode: opt(z.string().trim().max(30)),
  contacts: z.array(contactInput).max(20).optional(),
  representatives: z.array(representativeInput).max(20).optional(),
};

const unitIdField = z.uuid().optional().meta({ description: 'registering unit; default: the caller\'s home unit' });

export const createDonorBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('natural'), unitId: unitIdField, ...naturalFields, ...common }).strict(),
  z.object({ type: z.literal('legal'), unitId: unitIdField, ...legalFields, ...common }).strict(),
]);

/** PATCH: absent = unchanged, null = cleared; lists (mobiles, tags, contacts, relations…) are replaced whole. */
export const updateDonorBody = z.object({
  firstName: name.optional(), lastName: name.optional(), fatherName: naturalFields.fatherName, nationalCode: naturalFields.nationalCode,
  birthDate: naturalFields.birthDate, gender: naturalFields.gender, relations: naturalFields.relations,
  legalName: legalFields.legalName.optional(), legalType: legalType.optional(), legalId: legalFields.legalId,
  registrationNo: legalFields.registrationNo, economicCode: legalFields.economicCode, contacts: legalFields.contacts,
  representatives: legalFields.representatives,
  ...common,
}).strict();

export const listDonorsQuery = z.object({
  q: z.string().trim().min(2).max(100).optional().meta({
    description: 'a name fragment (Persian-normalised: «علي» finds «علی»), or exactly a national code, legal id or mobile (any form)',
  }),
  type: donorType.optional(),
  unitId: z.uuid().optional().meta({ description: 'donors known to this unit\'s subtree' }),
  tag: z.string().trim().max(40).optional(),
  category: z.string().max(40).optional(),
  countyId: z.coerce.number().int().optional().meta({ description: 'address county (geo_division id)' }),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
}).strict();

export const exportDonorsQuery = listDonorsQuery.omit({ page: true, pageSize: true }).extend({
  unmasked: z.stringbool().optional().meta({ description: 'full national codes and mobiles; needs donors.pii and is audited' }),
}).strict();

// ---------------------------------------------------------------------------------------------
// responses

export const unitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string() });
export const geoRef = z.object({ id: z.number().int(), name: z.string(), level: z.string() });
export const donorRef = z.object({ id: z.uuid(), type: donorType, displayName: z.string(), status: z.enum(['active', 'merged']) });

const masked = z.string().nullable().meta({ description: 'masked (******1234) unless revealed' });

export const donorListItem = z.object({
  id: z.uuid(),
  type: donorType,
  displayName: z.string(),
  nationalCode: masked,
  legalId: z.string().nullable().meta({ description: 'public, never masked' }),
  mobile: masked.meta({ description: 'the primary mobile, masked' }),
  unit: unitRef.meta({ description: 'the registering unit' }),
  county: geoRef.nullable(),
  tags: z.array(z.string()),
  categories: z.array(z.string()),
  createdAt: z.string(),
});

export const mergeRecord = z.object({
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  mergedDisplayName: z.string(),
  mergedAt: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  filledFields: z.array(z.string()),
  moved: z.record(z.string(), z.number()).meta({ description: '"table.column" → references re-pointed to the survivor' }),
  frozen: z.record(z.string(), z.number()).meta({ description: '"table.column" → references left on the merged id (append-only tables)' }),
});

export const donor = z.object({
  id: z.uuid(),
  type: donorType,
  status: z.enum(['active', 'merged']),
  mergedIntoId: z.uuid().nullable().meta({ description: 'for a merged record: the surviving record to show instead' }),
  displayName: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  fatherName: z.string().nullable(),
  nationalCode: masked,
  birthDate: z.string().nullable().meta({ description: 'Jalali YYYY/MM/DD (Latin digits)', examples: ['1365/04/21'] }),
  birthDateIso: z.string().nullable().meta({ description: 'Gregorian YYYY-MM-DD', examples: ['1986-07-12'] }),
  gender: z.enum(genders).nullable(),
  legalName: z.string().nullable(),
  legalType: legalType.nullable(),
  legalId: z.string().nullable(),
  registrationNo: z.string().nullable(),
  economicCode: z.string().nullable(),
  mobiles: z.array(z.string()).meta({ description: 'masked; primary first' }),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredChannel: z.enum(contactChannels).nullable(),
  address: z.object({
    province: geoRef.nullable(), county: geoRef.nullable(), place: geoRef.nullable(),
    line: z.string().nullable(), postalCode: z.string().nullable(),
  }),
  sheba: masked,
  publicConsent: z.boolean(),
  tags: z.array(z.string()),
  categories: z.array(z.string()),
  notes: z.string().nullable(),
  contacts: z.array(z.object({ id: z.uuid(), fullName: z.string(), title: z.string().nullable(), mobile: masked, phone: z.string().nullable(), email: z.string().nullable() })),
  relations: z.array(z.object({
    kind: z.enum(relationKinds),
    direction: z.enum(['outgoing', 'incoming']).meta({ description: 'outgoing: this donor is <kind> the other; incoming: the other is <kind> this donor' }),
    donor: donorRef,
    role: z.string().nullable(),
  })),
  unit: unitRef.meta({ description: 'the registering unit' }),
  units: z.array(unitRef.extend({ reason: z.string() })).meta({ description: 'every unit that knows the donor (registration, contributions…)' }),
  can: z.object({ edit: z.boolean(), reveal: z.boolean(), merge: z.boolean() }).meta({ description: 'what the caller may do with this record (buttons)' }),
  mergeHistory: z.array(mergeRecord),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DonorDto = z.infer<typeof donor>;
export type DonorListItemDto = z.infer<typeof donorListItem>;

export const donorPage = z.object({
  items: z.array(donorListItem),
  total: z.number().int(),
  totalCapped: z.boolean().meta({ description: 'true: more than `total` (1,000) donors match and counting stopped; for a name fragment the pages then cover the first 1,000 matches found, in name order. Show "more than 1,000 — refine the search".' }),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const revealed = z.object({
  nationalCode: z.string().nullable(),
  legalId: z.string().nullable(),
  mobiles: z.array(z.string()),
  sheba: z.string().nullable(),
  contacts: z.array(z.object({ id: z.uuid(), mobile: z.string().nullable() })),
});

export const duplicatePair = z.object({
  a: donorListItem,
  b: donorListItem,
  reasons: z.array(z.enum(['same_mobile', 'similar_name'])),
  similarity: z.number().meta({ description: 'name similarity 0…1 (pg_trgm)' }),
});

export const donorImport = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  dryRun: z.boolean(),
  fileName: z.string().nullable(),
  format: z.enum(['csv', 'xlsx']),
  sizeBytes: z.number().int(),
  unit: unitRef,
  rowsRead: z.number().int(),
  rowsValid: z.number().int(),
  rowsInvalid: z.number().int(),
  created: z.number().int().meta({ description: 'new donors (a dry run: would be created)' }),
  updated: z.number().int().meta({ description: 'existing donors whose blank fields were filled (dry run: would be)' }),
  unchanged: z.number().int().meta({ description: 'rows matching an existing donor that added nothing' }),
  columns: z.array(z.string()).meta({ description: 'recognised columns, as field names' }),
  ignoredColumns: z.array(z.string()),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type DonorImportDto = z.infer<typeof donorImport>;

export const importError = z.object({
  row: z.number().int().meta({ description: 'row number in the file (1 = header)' }),
  field: z.string(),
  column: z.string().meta({ description: 'the column title in the file' }),
  code: z.string(),
  message: z.string(),
});
