import {
  jalaliToInstant,
  normalizeFa,
  parseJalaliDate,
  parseLegalId,
  parseMobile,
  parseNationalCode,
  parsePostalCode,
  parseSheba,
  tehranParts,
  toLatinDigits,
} from '@mosharekat/fa';
import type { ErrorCode } from '../../lib/errors.ts';

/**
 * Validation and normalisation of a donor's fields, shared by the API operations and the import.
 * Pure: the checks that need the database (geography, categories, related donors) are in
 * check-donor-references.ts. Identifiers go through the packages/fa parsers (digits normalised,
 * decorations removed); free text through normalizeFa.
 */

export type DonorType = 'natural' | 'legal';
export const legalTypes = ['company', 'charity', 'ngo', 'government', 'foundation', 'religious_board', 'association', 'university', 'municipality', 'other'] as const;
export type LegalType = (typeof legalTypes)[number];
export const genders = ['male', 'female'] as const;
export const contactChannels = ['sms', 'call', 'email', 'post', 'none'] as const;
export const relationKinds = ['employee_of', 'representative_of', 'family_of'] as const;
export type RelationKind = (typeof relationKinds)[number];

export interface AddressInput {
  provinceId?: number | null | undefined;
  countyId?: number | null | undefined;
  /** a city or a village (geo_division level 'city' or 'village') */
  placeId?: number | null | undefined;
  line?: string | null | undefined;
  postalCode?: string | null | undefined;
}

export interface ContactInput {
  fullName: string;
  title?: string | null | undefined;
  mobile?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
}

/** What a caller may send. Absent: keep (PATCH) / empty (create); null: clear. */
export interface DonorFieldsInput {
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  fatherName?: string | null | undefined;
  nationalCode?: string | null | undefined;
  /** Jalali 'YYYY/MM/DD' */
  birthDate?: string | null | undefined;
  gender?: (typeof genders)[number] | null | undefined;
  legalName?: string | null | undefined;
  legalType?: LegalType | null | undefined;
  legalId?: string | null | undefined;
  registrationNo?: string | null | undefined;
  economicCode?: string | null | undefined;
  mobiles?: string[] | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  preferredChannel?: (typeof contactChannels)[number] | null | undefined;
  address?: AddressInput | null | undefined;
  sheba?: string | null | undefined;
  publicConsent?: boolean | null | undefined;
  tags?: string[] | null | undefined;
  categories?: string[] | null | undefined;
  notes?: string | null | undefined;
  contacts?: ContactInput[] | null | undefined;
}

export interface NormalizedContact {
  fullName: string;
  title: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
}

/** Normalised values; a key is present only when the input had it (null = clear). */
export interface NormalizedDonorFields {
  firstName?: string | null;
  lastName?: string | null;
  fatherName?: string | null;
  nationalCode?: string | null;
  /** ISO 'YYYY-MM-DD' (Gregorian), as stored */
  birthDate?: string | null;
  gender?: (typeof genders)[number] | null;
  legalName?: string | null;
  legalType?: LegalType | null;
  legalId?: string | null;
  registrationNo?: string | null;
  economicCode?: string | null;
  mobiles?: string[];
  phone?: string | null;
  email?: string | null;
  preferredChannel?: (typeof contactChannels)[number] | null;
  provinceId?: number | null;
  countyId?: number | null;
  placeId?: number | null;
  addressLine?: string | null;
  postalCode?: string | null;
  sheba?: string | null;
  publicConsent?: boolean;
  tags?: string[];
  categories?: string[];
  notes?: string | null;
  contacts?: NormalizedContact[];
}

export interface FieldIssue {
  field: string;
  code: ErrorCode;
}

const naturalOnly = ['firstName', 'lastName', 'fatherName', 'nationalCode', 'birthDate', 'gender'] as const;
const legalOnly = ['legalName', 'legalType', 'legalId', 'registrationNo', 'economicCode', 'contacts'] as const;

function text(v: string | null | undefined): string | null | undefined {
  if (v === undefined || v === null) return v;
  const t = normalizeFa(v);
  return t === '' ? null : t;
}

function digitsOnly(v: string): string {
  return toLatinDigits(v).replace(/[\s\p{Pd}\p{Cf}()]/gu, '');
}

/** An Iranian landline with its area code, stored as 0 + 10 digits ('02155123456'). */
export function parsePhone(input: string): string | null {
  const m = /^(?:(?:\+|00)?98)?0?([1-8]\d{9})$/.exec(digitsOnly(input));
  return m ? `0${m[1]}` : null;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

/** A Jalali 'YYYY/MM/DD' to the Gregorian calendar date it names (Tehran), or null. */
export function jalaliToIsoDate(s: string): string | null {
  const j = parseJalaliDate(s);
  if (!j) return null;
  const w = tehranParts(jalaliToInstant(j.jy, j.jm, j.jd));
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

function cleanList(values: string[], maxLength: number): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = normalizeFa(v).slice(0, maxLength);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * Checks and normalises the fields of a donor of `type`. `partial` (PATCH) allows the required
 * names to be absent. Every problem is reported, each with its field, so a form can show them all.
 */
export function normalizeDonorFields(type: DonorType, input: DonorFieldsInput, opts: { partial: boolean; today?: string }): { values: NormalizedDonorFields; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const out: NormalizedDonorFields = {};
  const has = (k: keyof DonorFieldsInput) => input[k] !== undefined;

  for (const k of type === 'natural' ? legalOnly : naturalOnly) {
    if (has(k) && input[k] !== null) issues.push({ field: k, code: 'DONOR_FIELD_NOT_FOR_TYPE' });
  }

  if (type === 'natural') {
    for (const k of ['firstName', 'lastName'] as const) {
      const v = text(input[k]);
      if (v === undefined ? !opts.partial : v === null) issues.push({ field: k, code: 'DONOR_NAME_REQUIRED' });
      else if (v !== undefined) out[k] = v;
    }
    if (has('fatherName')) out.fatherName = text(input.fatherName) ?? null;
    if (has('nationalCode')) {
      const raw = input.nationalCode;
      if (raw === null || raw!.trim() === '') out.nationalCode = null;
      else {
        const p = parseNationalCode(raw!);
        if (p.ok) out.nationalCode = p.value;
        else issues.push({ field: 'nationalCode', code: 'DONOR_NATIONAL_CODE_INVALID' });
      }
    }
    if (has('birthDate')) {
      const raw = input.birthDate;
      if (raw === null || raw!.trim() === '') out.birthDate = null;
      else {
        const iso = jalaliToIsoDate(raw!);
        const today = opts.today ?? new Date().toISOString().slice(0, 10);
        if (!iso || iso > today || iso < '1900-01-01') issues.push({ field: 'birthDate', code: 'DONOR_BIRTH_DATE_INVALID' });
        else out.birthDate = iso;
      }
    }
    if (has('gender')) out.gender = input.gender ?? null;
  } else {
    const name = text(input.legalName);
    if (name === undefined ? !opts.partial : name === null) issues.push({ field: 'legalName', code: 'DONOR_NAME_REQUIRED' });
    else if (name !== undefined) out.legalName = name;
    if (input.legalType === undefined ? !opts.partial : input.legalType === null) issues.push({ field: 'legalType', code: 'DONOR_LEGAL_TYPE_REQUIRED' });
    else if (input.legalType !== undefined) out.legalType = input.legalType;
    if (has('legalId')) {
      const raw = input.legalId;
      if (raw === null || raw!.trim() === '') out.legalId = null;
      else {
        const p = parseLegalId(raw!);
        if (p.ok) out.legalId = p.value;
        else issues.push({ field: 'legalId', code: 'DONOR_LEGAL_ID_INVALID' });
      }
    }
    if (has('registrationNo')) out.registrationNo = input.registrationNo ? digitsOrText(input.registrationNo) : null;
    if (has('economicCode')) out.economicCode = input.economicCode ? digitsOrText(input.economicCode) : null;
    if (has('contacts')) {
      out.contacts = [];
      for (const [i, c] of (input.contacts ?? []).entries()) {
        const fullName = text(c.fullName);
        if (!fullName) { issues.push({ field: `contacts.${i}.fullName`, code: 'DONOR_NAME_REQUIRED' }); continue; }
        const contact: NormalizedContact = { fullName, title: text(c.title) ?? null, mobile: null, phone: null, email: null };
        if (c.mobile) {
          const m = parseMobile(c.mobile);
          if (m.ok) contact.mobile = m.value; else issues.push({ field: `contacts.${i}.mobile`, code: 'DONOR_MOBILE_INVALID' });
        }
        if (c.phone) {
          const p = parsePhone(c.phone);
          if (p) contact.phone = p; else issues.push({ field: `contacts.${i}.phone`, code: 'DONOR_PHONE_INVALID' });
        }
        if (c.email) {
          const e = c.email.trim().toLowerCase();
          if (EMAIL.test(e)) contact.email = e; else issues.push({ field: `contacts.${i}.email`, code: 'DONOR_EMAIL_INVALID' });
        }
        out.contacts.push(contact);
      }
    }
  }

  if (has('mobiles')) {
    out.mobiles = [];
    for (const [i, raw] of (input.mobiles ?? []).entries()) {
      if (raw.trim() === '') continue;
      const m = parseMobile(raw);
      if (!m.ok) issues.push({ field: `mobiles.${i}`, code: 'DONOR_MOBILE_INVALID' });
      else if (!out.mobiles.includes(m.value)) out.mobiles.push(m.value);
    }
  }
  if (has('phone')) {
    if (!input.phone || input.phone.trim() === '') out.phone = null;
    else {
      const p = parsePhone(input.phone);
      if (p) out.phone = p; else issues.push({ field: 'phone', code: 'DONOR_PHONE_INVALID' });
    }
  }
  if (has('email')) {
    const e = input.email?.trim().toLowerCase() || null;
    if (e && !EMAIL.test(e)) issues.push({ field: 'email', code: 'DONOR_EMAIL_INVALID' });
    else out.email = e;
  }
  if (has('preferredChannel')) out.preferredChannel = input.preferredChannel ?? null;
  if (has('address')) {
    const a = input.address ?? {};
    out.provinceId = a.provinceId ?? null;
    out.countyId = a.countyId ?? null;
    out.placeId = a.placeId ?? null;
    out.addressLine = text(a.line) ?? null;
    if (!a.postalCode || a.postalCode.trim() === '') out.postalCode = null;
    else {
      const p = parsePostalCode(a.postalCode);
      if (p.ok) out.postalCode = p.value; else issues.push({ field: 'address.postalCode', code: 'DONOR_POSTAL_CODE_INVALID' });
    }
  }
  if (has('sheba')) {
    if (!input.sheba || input.sheba.trim() === '') out.sheba = null;
    else {
      const s = parseSheba(input.sheba);
      if (s.ok) out.sheba = s.value; else issues.push({ field: 'sheba', code: 'DONOR_SHEBA_INVALID' });
    }
  }
  if (has('publicConsent')) out.publicConsent = input.publicConsent ?? false;
  if (has('tags')) out.tags = cleanList(input.tags ?? [], 40);
  if (has('categories')) out.categories = [...new Set(input.categories ?? [])];
  if (has('notes')) out.notes = text(input.notes) ?? null;
  return { values: out, issues };
}

/** Registration numbers and economic codes: digits normalised, other characters kept. */
function digitsOrText(v: string): string | null {
  const t = toLatinDigits(normalizeFa(v)).replace(/\s+/g, '');
  return t === '' ? null : t;
}

/** The name a donor is listed under: 'first last' or the legal name. */
export function displayNameOf(type: DonorType, f: { firstName?: string | null; lastName?: string | null; legalName?: string | null }): string {
  return type === 'natural' ? `${f.firstName ?? ''} ${f.lastName ?? ''}`.trim() : (f.legalName ?? '');
}
