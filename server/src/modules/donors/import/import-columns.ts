import { normalizeFa, searchKey, toLatinDigits } from '@mosharekat/fa';
import type { ErrorCode } from '../../../lib/errors.ts';
import { isoDateToJalali } from '../donor-dto.ts';
import type { DonorFieldsInput, DonorType, LegalType } from '../donor-input.ts';

/**
 * The columns of an import file: Persian titles (what the template has), with the spellings and
 * English names people also use. Titles are matched by searchKey, so spaces, half-spaces and
 * Arabic letters do not matter. Unknown columns are ignored (and listed in the import's report).
 */
export const importColumns = {
  type: { title: 'نوع', aliases: ['نوع نیکوکار', 'نوع شخص', 'حقیقی/حقوقی', 'type'] },
  firstName: { title: 'نام', aliases: ['firstName', 'first name'] },
  lastName: { title: 'نام خانوادگی', aliases: ['نام‌خانوادگی', 'فامیلی', 'lastName', 'last name'] },
  fatherName: { title: 'نام پدر', aliases: ['fatherName'] },
  nationalCode: { title: 'کد ملی', aliases: ['کدملی', 'شماره ملی', 'nationalCode', 'national code'] },
  birthDate: { title: 'تاریخ تولد', aliases: ['birthDate'] },
  gender: { title: 'جنسیت', aliases: ['gender'] },
  legalName: { title: 'نام شخص حقوقی', aliases: ['نام سازمان', 'نام شرکت', 'نام موسسه', 'legalName'] },
  legalType: { title: 'نوع شخص حقوقی', aliases: ['legalType'] },
  legalId: { title: 'شناسه ملی', aliases: ['legalId', 'legal id'] },
  registrationNo: { title: 'شماره ثبت', aliases: ['registrationNo'] },
  economicCode: { title: 'کد اقتصادی', aliases: ['economicCode'] },
  mobiles: { title: 'تلفن همراه', aliases: ['موبایل', 'شماره همراه', 'همراه', 'mobile', 'mobiles'] },
  phone: { title: 'تلفن ثابت', aliases: ['تلفن', 'phone'] },
  email: { title: 'رایانامه', aliases: ['ایمیل', 'پست الکترونیک', 'email'] },
  province: { title: 'استان', aliases: ['province'] },
  county: { title: 'شهرستان', aliases: ['county'] },
  place: { title: 'شهر یا روستا', aliases: ['شهر/روستا', 'شهر', 'روستا', 'city', 'village', 'place'] },
  addressLine: { title: 'نشانی', aliases: ['آدرس', 'address'] },
  postalCode: { title: 'کد پستی', aliases: ['کدپستی', 'postalCode', 'postal code'] },
  sheba: { title: 'شماره شبا', aliases: ['شبا', 'sheba', 'iban'] },
  publicConsent: { title: 'رضایت به ذکر نام', aliases: ['ذکر نام', 'publicConsent'] },
  preferredChannel: { title: 'روش ارتباط', aliases: ['روش ارتباط ترجیحی', 'preferredChannel'] },
  tags: { title: 'برچسب‌ها', aliases: ['برچسب', 'tags'] },
  categories: { title: 'دسته‌بندی', aliases: ['دسته', 'categories'] },
  notes: { title: 'توضیحات', aliases: ['یادداشت', 'notes'] },
} as const;
export type ImportColumn = keyof typeof importColumns;

const byKey = new Map<string, ImportColumn>();
for (const [col, def] of Object.entries(importColumns) as [ImportColumn, (typeof importColumns)[ImportColumn]][]) {
  for (const name of [def.title, ...def.aliases, col]) byKey.set(searchKey(name), col);
}

export interface HeaderMap {
  /** column of each cell position (null: ignored) */
  columns: (ImportColumn | null)[];
  recognised: ImportColumn[];
  ignored: string[];
  /** the title a column had in the file, for the error report */
  titles: Partial<Record<ImportColumn, string>>;
}

export function mapHeader(cells: string[]): HeaderMap {
  const columns: (ImportColumn | null)[] = [];
  const recognised: ImportColumn[] = [];
  const ignored: string[] = [];
  const titles: HeaderMap['titles'] = {};
  for (const raw of cells) {
    const title = normalizeFa(raw);
    const col = title ? byKey.get(searchKey(title)) ?? null : null;
    if (col && !recognised.includes(col)) {
      columns.push(col);
      recognised.push(col);
      titles[col] = title;
    } else {
      columns.push(null);
      if (title) ignored.push(title);
    }
  }
  return { columns, recognised, ignored, titles };
}

/** The column a header must have: null when fine, else the missing column's title. */
export function missingColumn(h: HeaderMap): string | null {
  const has = (c: ImportColumn) => h.recognised.includes(c);
  if (has('firstName') || has('lastName')) {
    if (!has('lastName')) return importColumns.lastName.title;
    if (!has('firstName')) return importColumns.firstName.title;
    return null;
  }
  return has('legalName') ? null : importColumns.lastName.title;
}

// Values people type for the enumerations, by searchKey.
const typeWords: Record<string, DonorType> = {};
for (const w of ['حقیقی', 'شخص حقیقی', 'natural', 'person', 'فرد']) typeWords[searchKey(w)] = 'natural';
for (const w of ['حقوقی', 'شخص حقوقی', 'legal', 'organization', 'سازمان']) typeWords[searchKey(w)] = 'legal';
const genderWords: Record<string, 'male' | 'female'> = {};
for (const w of ['مرد', 'آقا', 'male', 'm', 'مذکر']) genderWords[searchKey(w)] = 'male';
for (const w of ['زن', 'خانم', 'female', 'f', 'مونث', 'مؤنث']) genderWords[searchKey(w)] = 'female';
const legalTypeWords: Record<string, LegalType> = {};
const legalTypeNames: [LegalType, string[]][] = [
  ['company', ['شرکت', 'company']], ['charity', ['خیریه', 'موسسه خیریه', 'مؤسسه خیریه', 'charity']],
  ['ngo', ['سمن', 'سازمان مردم نهاد', 'سازمان مردم‌نهاد', 'ngo']], ['government', ['دستگاه دولتی', 'دولتی', 'government']],
  ['foundation', ['بنیاد', 'foundation']], ['religious_board', ['هیئت مذهبی', 'هیات مذهبی', 'هیئت', 'religious_board']],
  ['association', ['انجمن', 'association']], ['university', ['دانشگاه', 'university']],
  ['municipality', ['شهرداری', 'municipality']], ['other', ['سایر', 'دیگر', 'other']],
];
for (const [t, words] of legalTypeNames) for (const w of words) legalTypeWords[searchKey(w)] = t;
const yesNo: Record<string, boolean> = {};
for (const w of ['بله', 'آری', 'دارد', 'yes', 'y', 'true', '1', 'بلی']) yesNo[searchKey(w)] = true;
for (const w of ['خیر', 'نه', 'ندارد', 'no', 'n', 'false', '0']) yesNo[searchKey(w)] = false;
const channelWords: Record<string, 'sms' | 'call' | 'email' | 'post' | 'none'> = {};
for (const [c, words] of [['sms', ['پیامک', 'sms']], ['call', ['تماس', 'تلفن', 'call']], ['email', ['رایانامه', 'ایمیل', 'email']],
  ['post', ['پست', 'post']], ['none', ['هیچ', 'none']]] as const) for (const w of words) channelWords[searchKey(w)] = c;

/** A cell of CSV (string) or XLSX (number, Date, rich text…) as text. */
export function cellText(value: unknown, col: ImportColumn | null): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel keeps dates Gregorian; a birth date typed as a date arrives so
    return col === 'birthDate' ? isoDateToJalali(value.toISOString().slice(0, 10)) : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number' && col === 'birthDate' && value > 0 && value < 80_000) {
    // a date cell without its style reaches us as Excel's day count from 1899-12-30
    return cellText(new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000), col);
  }
  if (typeof value === 'number') {
    // numeric cells lose leading zeros: 0012345678 arrives as 12345678
    const s = Number.isInteger(value) ? value.toFixed(0) : String(value);
    const width = col === 'nationalCode' || col === 'postalCode' ? 10 : col === 'legalId' ? 11 : 0;
    return width && s.length < width ? s.padStart(width, '0') : s;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellText(v.result, col);
    if (v.text !== undefined) return cellText(v.text, col);
    return '';
  }
  return String(value);
}

export interface ConvertedRow {
  type: DonorType;
  input: DonorFieldsInput;
  /** geography by name, resolved to ids by the batch */
  geo: { province: string | null; county: string | null; place: string | null };
  issues: { field: string; code: ErrorCode }[];
}

const LIST_SEPARATORS = /[,،;؛|\n]+/;

/** One data row to the fields of createDonor, with the problems of the values themselves. */
export function convertRow(cells: unknown[], header: HeaderMap): ConvertedRow | null {
  const get: Partial<Record<ImportColumn, string>> = {};
  let any = false;
  header.columns.forEach((col, i) => {
    if (!col) return;
    const t = cellText(cells[i], col).trim();
    if (t) { get[col] = t; any = true; }
  });
  if (!any) return null; // an empty line
  const issues: ConvertedRow['issues'] = [];
  let type: DonorType;
  if (get.type) {
    const t = typeWords[searchKey(get.type)];
    if (!t) issues.push({ field: 'type', code: 'DONOR_IMPORT_TYPE_INVALID' });
    type = t ?? (get.legalName ? 'legal' : 'natural');
  } else type = get.legalName && !get.lastName ? 'legal' : 'natural';

  const input: DonorFieldsInput = {};
  const pick = <T>(field: ImportColumn, table: Record<string, T>): T | undefined => {
    const raw = get[field];
    if (raw === undefined) return undefined;
    const v = table[searchKey(raw)];
    if (v === undefined) issues.push({ field, code: 'DONOR_IMPORT_VALUE_INVALID' });
    return v;
  };
  if (type === 'natural') {
    input.firstName = get.firstName ?? null;
    input.lastName = get.lastName ?? null;
    if (get.fatherName) input.fatherName = get.fatherName;
    if (get.nationalCode) input.nationalCode = get.nationalCode;
    if (get.birthDate) input.birthDate = toLatinDigits(get.birthDate);
    const g = pick('gender', genderWords);
    if (g) input.gender = g;
  } else {
    input.legalName = get.legalName ?? null;
    input.legalType = get.legalType ? pick('legalType', legalTypeWords) ?? null : 'other';
    if (get.legalId) input.legalId = get.legalId;
    if (get.registrationNo) input.registrationNo = get.registrationNo;
    if (get.economicCode) input.economicCode = get.economicCode;
  }
  if (get.mobiles) input.mobiles = get.mobiles.split(LIST_SEPARATORS).map((s) => s.trim()).filter(Boolean);
  if (get.phone) input.phone = get.phone;
  if (get.email) input.email = get.email;
  if (get.addressLine || get.postalCode) input.address = { line: get.addressLine ?? null, postalCode: get.postalCode ?? null };
  if (get.sheba) input.sheba = get.sheba;
  const consent = pick('publicConsent', yesNo);
  if (consent !== undefined) input.publicConsent = consent;
  const channel = pick('preferredChannel', channelWords);
  if (channel) input.preferredChannel = channel;
  if (get.tags) input.tags = get.tags.split(LIST_SEPARATORS).map((s) => s.trim()).filter(Boolean);
  if (get.categories) input.categories = get.categories.split(LIST_SEPARATORS).map((s) => s.trim()).filter(Boolean);
  if (get.notes) input.notes = get.notes;
  return { type, input, geo: { province: get.province ?? null, county: get.county ?? null, place: get.place ?? null }, issues };
}

/** The file's title for an error's field ('mobiles.1' → the mobile column), for the report. */
export function columnOfField(field: string, header: HeaderMap): string {
  const head = field.split('.')[0]!;
  const map: Record<string, ImportColumn> = {
    address: field.endsWith('postalCode') ? 'postalCode' : field.endsWith('placeId') ? 'place' : field.endsWith('countyId') ? 'county' : field.endsWith('provinceId') ? 'province' : 'addressLine',
  };
  const col = (map[head] ?? head) as ImportColumn;
  return header.titles[col] ?? importColumns[col]?.title ?? field;
}
