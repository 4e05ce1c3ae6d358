import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatJalaliDate } from '@mosharekat/fa';
import type { Pool } from '../../db/pool.ts';
import { withTx } from '../../db/pool.ts';
import { AppError } from '../../lib/errors.ts';
import type { OpContext } from '../access/actor.ts';
import { holdsAnywhere } from '../access/scope.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { isoDateToJalali } from './donor-dto.ts';
import { shownIdent, shownMobile, shownSheba } from './donor-pii.ts';
import { knownTo, scopeUnitIds } from './donor-scope.ts';
import { importColumns } from './import/import-columns.ts';
import { donorFilter, type ListDonorsInput } from './list-donors.ts';

export type ExportDonorsInput = Omit<ListDonorsInput, 'page' | 'pageSize'> & { unmasked?: boolean | undefined };

const typeLabel = { natural: 'حقیقی', legal: 'حقوقی' } as const;
const genderLabel = { male: 'مرد', female: 'زن' } as const;
const legalTypeLabel: Record<string, string> = {
  company: 'شرکت', charity: 'خیریه', ngo: 'سمن', government: 'دستگاه دولتی', foundation: 'بنیاد', religious_board: 'هیئت مذهبی',
  association: 'انجمن', university: 'دانشگاه', municipality: 'شهرداری', other: 'سایر',
};
const channelLabel: Record<string, string> = { sms: 'پیامک', call: 'تماس', email: 'رایانامه', post: 'پست', none: 'هیچ' };

interface ExportRow {
  id: string; type: 'natural' | 'legal'; name_key: string; first_name: string | null; last_name: string | null; father_name: string | null;
  legal_name: string | null; legal_type: string | null; registration_no: string | null; economic_code: string | null;
  ident_enc: Buffer | null; birth_date: string | null; gender: 'male' | 'female' | null; mobiles: Buffer[]; phone: string | null; email: string | null;
  province: string | null; county: string | null; place: string | null; address_line: string | null; postal_code: string | null;
  sheba_enc: Buffer | null; public_consent: boolean; preferred_channel: string | null; tags: string[]; categories: string[]; notes: string | null;
  unit_name: string; created_at: Date; pii_ok: boolean;
}

const PAGE_ROWS = 2000;

/**
 * The donors of a listing (same filters) as an Excel sheet, right-to-left, with the import
 * template's Persian column titles (an unmasked export can be imported elsewhere). Rows are read
 * by keyset pages and written as they come, so the size of the export does not matter.
 * Identifiers, mobiles and Sheba are masked exactly as in the list unless `unmasked` is asked
 * for, which needs donors.pii and then reveals only donors within the caller's donors.pii units.
 * Every export writes an audit row (filters, masked or not) before the first byte is sent.
 */
export async function prepareDonorExport(pool: Pool, ctx: OpContext, input: ExportDonorsInput): Promise<(out: Writable) => Promise<number>> {
  const actor = ctx.actor;
  if (input.unmasked && !holdsAnywhere(actor, 'donors.pii')) throw new AppError('FORBIDDEN', { field: 'unmasked' });
  const filter = await donorFilter(pool, actor, input);
  const piiUnits = input.unmasked ? await scopeUnitIds(pool, actor, 'donors.pii') : [];
  await withTx(pool, (tx) => writeAudit(tx, ctx, {
    action: 'donor.export', entityType: 'donor', unitId: input.unitId ?? null,
    summary: { filters: { q: input.q ? 'given' : null, type: input.type ?? null, unitId: input.unitId ?? null, tag: input.tag ?? null, category: input.category ?? null, countyId: input.countyId ?? null }, unmasked: Boolean(input.unmasked) },
  }));
  return (out) => writeDonorsXlsx(pool, input, filter, piiUnits, out);
}

async function writeDonorsXlsx(pool: Pool, input: ExportDonorsInput, filter: Awaited<ReturnType<typeof donorFilter>>, piiUnits: string[] | null, out: Writable): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('نیکوکاران', { views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }] });
  const c = importColumns;
  ws.columns = [
    { header: c.type.title, key: 'type', width: 8 }, { header: c.firstName.title, key: 'firstName', width: 16 },
    { header: c.lastName.title, key: 'lastName', width: 20 }, { header: c.fatherName.title, key: 'fatherName', width: 14 },
    { header: c.nationalCode.title, key: 'nationalCode', width: 14 }, { header: c.birthDate.title, key: 'birthDate', width: 12 },
    { header: c.gender.title, key: 'gender', width: 8 }, { header: c.legalName.title, key: 'legalName', width: 30 },
    { header: c.legalType.title, key: 'legalType', width: 14 }, { header: c.legalId.title, key: 'legalId', width: 14 },
    { header: c.registrationNo.title, key: 'registrationNo', width: 12 }, { header: c.economicCode.title, key: 'economicCode', width: 14 },
    { header: c.mobiles.title, key: 'mobiles', width: 26 }, { header: c.phone.title, key: 'phone', width: 14 },
    { header: c.email.title, key: 'email', width: 24 }, { header: c.province.title, key: 'province', width: 14 },
    { header: c.county.title, key: 'county', width: 16 }, { header: c.place.title, key: 'place', width: 16 },
    { header: c.addressLine.title, key: 'addressLine', width: 40 }, { header: c.postalCode.title, key: 'postalCode', width: 12 },
    { header: c.sheba.title, key: 'sheba', width: 30 }, { header: c.publicConsent.title, key: 'publicConsent', width: 10 },
    { header: c.preferredChannel.title, key: 'preferredChannel', width: 10 }, { header: c.tags.title, key: 'tags', width: 20 },
    { header: c.categories.title, key: 'categories', width: 20 }, { header: c.notes.title, key: 'notes', width: 30 },
    { header: 'واحد ثبت‌کننده', key: 'unit', width: 22 }, { header: 'تاریخ ثبت', key: 'createdAt', width: 12 },
    { header: 'شناسه در سامانه', key: 'id', width: 38 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();

  let count = 0;
  if (filter) {
    const n = filter.params.length;
    let after: [string, string] = ['', '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const { rows } = await pool.query<ExportRow>(
        `SELECT d.id, d.type, d.name_key, d.first_name, d.last_name, d.father_name, d.legal_name, d.legal_type, d.registration_no,
                d.economic_code, d.ident_enc, d.birth_date::text AS birth_date, d.gender, d.phone, d.email, d.address_line, d.postal_code,
                d.sheba_enc, d.public_consent, d.preferred_channel, d.tags, d.categories, d.notes, d.created_at,
                ARRAY(SELECT m.mobile_enc FROM donor_mobile m WHERE m.donor_id = d.id ORDER BY m.position, m.added_at) AS mobiles,
                gp.name AS province, gc.name AS county, gl.name AS place, u.name AS unit_name,
                ($${n + 3}::uuid[] IS NULL OR ${knownTo('d', `$${n + 3}`)}) AS pii_ok
           FROM donor d JOIN org_unit u ON u.id = d.unit_id
           LEFT JOIN geo_division gp ON gp.id = d.province_geo_id LEFT JOIN geo_division gc ON gc.id = d.county_geo_id
           LEFT JOIN geo_division gl ON gl.id = d.place_geo_id
          WHERE ${filter.where} AND (d.name_key, d.id) > ($${n + 1}, $${n + 2}::uuid)
          ORDER BY d.name_key, d.id LIMIT ${PAGE_ROWS}`,
        [...filter.params, after[0], after[1], piiUnits],
      );
      for (const r of rows) {
        const reveal = Boolean(input.unmasked) && r.pii_ok;
        ws.addRow({
          type: typeLabel[r.type], firstName: r.first_name, lastName: r.last_name, fatherName: r.father_name,
          nationalCode: r.type === 'natural' ? shownIdent('natural', r.ident_enc, reveal) : null,
          birthDate: r.birth_date ? isoDateToJalali(r.birth_date) : null, gender: r.gender ? genderLabel[r.gender] : null,
          legalName: r.legal_name, legalType: r.legal_type ? legalTypeLabel[r.legal_type] : null,
          legalId: r.type === 'legal' ? shownIdent('legal', r.ident_enc, reveal) : null,
          registrationNo: r.registration_no, economicCode: r.economic_code,
          mobiles: r.mobiles.map((m) => shownMobile(m, reveal)).join('، '), phone: r.phone, email: r.email,
          province: r.province, county: r.county, place: r.place, addressLine: r.address_line, postalCode: r.postal_code,
          sheba: shownSheba(r.sheba_enc, reveal), publicConsent: r.public_consent ? 'بله' : 'خیر',
          preferredChannel: r.preferred_channel ? channelLabel[r.preferred_channel] : null,
          tags: r.tags.join('، '), categories: r.categories.join('، '), notes: r.notes, unit: r.unit_name,
          createdAt: formatJalaliDate(r.created_at, { digits: 'latin' }), id: r.id,
        }).commit();
      }
      count += rows.length;
      if (rows.length < PAGE_ROWS) break;
      const last = rows.at(-1)!;
      after = [last.name_key, last.id];
    }
  }
  ws.commit();
  await wb.commit();
  return count;
}
