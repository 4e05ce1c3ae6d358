import ExcelJS from 'exceljs';
import { generateLegalId, generateMobile, generateNationalCode } from '@mosharekat/fa';
import { describe, expect, it } from 'vitest';
import { withTx } from '../../db/pool.ts';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { signInAs, testApp } from '../../testing/test-app.ts';
import type { Role } from '../access/permissions.ts';
import { linkDonorToUnit } from './link-donor-to-unit.ts';
import { fakeDonor, testRng } from './testing/fake-donor.ts';

async function as(role: Role, unitCode: string) {
  const { app, db } = await testApp();
  const u = await fakeUser(db.pool, { role, unitCode });
  return signInAs(app, u.username, testPassword);
}

async function reyGeo() {
  const { db } = await testApp();
  const { rows } = await db.pool.query<{ county: number; province: number; city: number }>(
    `SELECT c.id AS county, c.parent_id AS province,
            (SELECT g.id FROM geo_division g WHERE g.county_id = c.id AND g.level = 'city' ORDER BY g.id LIMIT 1) AS city
       FROM org_unit u JOIN geo_division c ON c.id = u.geo_id WHERE u.code = 'C2303'`);
  return rows[0]!;
}

describe('registering donors', () => {
  it('should register a natural person with normalised fields when an officer sends them in everyday forms', async () => {
    const { db } = await testApp();
    const s = await as('participation_officer', 'C2303');
    const geo = await reyGeo();
    const nationalCode = generateNationalCode(testRng);
    const persianDigits = nationalCode.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    const res = await s.post('/api/donors', {
      type: 'natural', firstName: 'علي', lastName: 'كريمي', fatherName: 'حسين', nationalCode: persianDigits,
      birthDate: '۱۳۶۵/۰۴/۲۱', gender: 'male', mobiles: ['+98 912 123 4567', '0935-111-2233'], phone: '021 5512 3456',
      address: { placeId: geo.city, line: 'خيابان  اصلی', postalCode: '۱۸۱۳۶۱۳۷۱۱' }, sheba: 'IR06 2960 0000 0010 0324 2000 01',
      tags: ['خیر مدرسه‌ساز'], categories: ['builder'], publicConsent: true, preferredChannel: 'sms',
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      type: 'natural', status: 'active', displayName: 'علی کریمی', firstName: 'علی', lastName: 'کریمی',
      birthDate: '1365/04/21', birthDateIso: '1986-07-12', gender: 'male', phone: '02155123456',
      nationalCode: `******${nationalCode.slice(-4)}`, mobiles: ['*******4567', '*******2233'], sheba: `**********************0001`,
      address: { province: { id: geo.province }, county: { id: geo.county }, place: { id: geo.city, level: 'city' }, line: 'خیابان اصلی', postalCode: '1813613711' },
      unit: { code: 'C2303' }, units: [{ code: 'C2303', reason: 'registration' }],
      can: { edit: true, reveal: true, merge: true }, tags: ['خیر مدرسه‌ساز'], categories: ['builder'],
    });
    // nothing personal is stored in the clear
    const { rows } = await db.owner.query(`SELECT ident_enc, ident_hash, sheba_enc, (SELECT array_agg(mobile_enc) FROM donor_mobile WHERE donor_id = d.id) AS mobiles FROM donor d WHERE id = $1`, [d.id]);
    const raw = JSON.stringify(rows[0], (_k, v) => (v?.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v));
    expect(raw).not.toContain(nationalCode);
    expect(raw).not.toContain('09121234567');
    const audit = await db.pool.query(`SELECT summary FROM audit_log WHERE action = 'donor.create' AND entity_id = $1`, [d.id]);
    expect(JSON.stringify(audit.rows[0].summary)).not.toContain(nationalCode.slice(-4));
  });

  it('should register a legal person with contacts and a representative when the representative is a registered person', async () => {
    const s = await as('participation_officer', 'P10');
    const rep = await s.post('/api/donors', { type: 'natural', firstName: 'مریم', lastName: 'احمدی', mobiles: [generateMobile(testRng)] });
    const legalId = generateLegalId(testRng);
    const res = await s.post('/api/donors', {
      type: 'legal', legalName: 'شركت   فولاد نمونه', legalType: 'company', legalId, registrationNo: '۱۲۳۴۵', economicCode: '411111111111',
      contacts: [{ fullName: 'رضا محمدی', title: 'مدیر مالی', mobile: '09121112233', email: 'Finance@Example.IR' }],
      representatives: [{ donorId: rep.json().id, role: 'مدیرعامل' }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      type: 'legal', displayName: 'شرکت فولاد نمونه', legalType: 'company', legalId, registrationNo: '12345', nationalCode: null,
      contacts: [{ fullName: 'رضا محمدی', title: 'مدیر مالی', mobile: '*******2233', email: 'finance@example.ir' }],
      relations: [{ kind: 'representative_of', direction: 'incoming', role: 'مدیرعامل', donor: { id: rep.json().id, displayName: 'مریم احمدی' } }],
      unit: { code: 'P10' },
    });
    const person = await s.get(`/api/donors/${rep.json().id}`);
    expect(person.json().relations).toMatchObject([{ kind: 'representative_of', direction: 'outgoing', donor: { displayName: 'شرکت فولاد نمونه' } }]);
    const found = await s.get(`/api/donors?q=${legalId}`);
    expect(found.json().items.map((x: { id: string }) => x.id)).toEqual([res.json().id]);
  });

  it('should refuse an invalid national code with the Persian message and write nothing when any field is wrong', async () => {
    const { db } = await testApp();
    const s = await as('participation_officer', 'C2303');
    const before = await db.pool.query('SELECT (SELECT count(*) FROM donor) AS donors, (SELECT count(*) FROM audit_log) AS audits');
    const res = await s.post('/api/donors', { type: 'natural', firstName: 'علی', lastName: 'نادرست', nationalCode: '0012345678', mobiles: ['09121234567'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'DONOR_NATIONAL_CODE_INVALID', message: 'کد ملی واردشده معتبر نیست؛ ده رقم آن را دوباره بررسی کنید.',
      fields: [{ field: 'nationalCode', message: 'کد ملی واردشده معتبر نیست؛ ده رقم آن را دوباره بررسی کنید.' }],
    });
    const several = await s.post('/api/donors', { type: 'natural', firstName: 'علی', lastName: 'نادرست', mobiles: ['12345'], sheba: 'IR00', address: { postalCode: '123' } });
    expect(several.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['mobiles.0', 'address.postalCode', 'sheba']);
    const wrongType = await s.post('/api/donors', { type: 'legal', legalName: 'شرکت', legalType: 'company', nationalCode: '0084575948' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.fields[0].field).toBe('nationalCode');
    const after = await db.pool.query('SELECT (SELECT count(*) FROM donor) AS donors, (SELECT count(*) FROM audit_log) AS audits');
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('should answer 409 DONOR_DUPLICATE with the existing id only when the caller may see that donor', async () => {
    const { db } = await testApp();
    const nationalCode = generateNationalCode(testRng);
    const first = await fakeDonor(db.pool, { unitCode: 'C2303', nationalCode });
    const rey = await as('participation_officer', 'C2303');
    const again = await rey.post('/api/donors', { type: 'natural', firstName: 'دیگر', lastName: 'نفر', nationalCode: ` ${nationalCode.slice(0, 3)}-${nationalCode.slice(3)} ` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DONOR_DUPLICATE', fields: [{ field: 'nationalCode' }], details: { existingId: first.id } });
    const kashan = await as('participation_officer', 'C1010');
    const elsewhere = await kashan.post('/api/donors', { type: 'natural', firstName: 'دیگر', lastName: 'نفر', nationalCode });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error.details).toBeUndefined();
    expect(elsewhere.body).not.toContain(first.id);
  });
});

describe('finding donors', () => {
  it('should find «علی» when the query is typed with the Arabic «علي», and by a fragment of the name', async () => {
    const { db } = await testApp();
    const d = await fakeDonor(db.pool, { unitCode: 'P23', firstName: 'محمدعلی', lastName: 'یزدان‌پناه' });
    const s = await as('inspector', 'HQ');
    for (const q of ['علي', 'محمد علي', 'يزدانپناه', 'پناه']) {
      const res = await s.get(`/api/donors?q=${encodeURIComponent(q)}&pageSize=200`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json().items.map((x: { id: string }) => x.id), q).toContain(d.id);
    }
  });

  it('should find a donor by mobile in the +98 form and by national code, and nothing by a partial number', async () => {
    const { db } = await testApp();
    const mobile = generateMobile(testRng);
    const nationalCode = generateNationalCode(testRng);
    const d = await fakeDonor(db.pool, { unitCode: 'C2303', mobiles: [mobile], nationalCode });
    const s = await as('participation_officer', 'P23');
    const intl = `+98 ${mobile.slice(1, 4)} ${mobile.slice(4)}`;
    const byMobile = await s.get(`/api/donors?q=${encodeURIComponent(intl)}`);
    expect(byMobile.json()).toMatchObject({ total: 1, totalCapped: false, items: [{ id: d.id, mobile: `*******${mobile.slice(-4)}`, nationalCode: `******${nationalCode.slice(-4)}` }] });
    const byCode = await s.get(`/api/donors?q=${nationalCode}`);
    expect(byCode.json().items.map((x: { id: string }) => x.id)).toEqual([d.id]);
    const partial = await s.get(`/api/donors?q=${nationalCode.slice(0, 6)}`);
    expect(partial.json().total).toBe(0);
    const short = await s.get(`/api/donors?q=${encodeURIComponent('عل')}`);
    expect(short.json().error).toMatchObject({ code: 'DONOR_QUERY_TOO_SHORT', fields: [{ field: 'q' }] });
  });

  it('should stop counting at 1,000 and say so when a fragment matches more donors than that', async () => {
    const { db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    await db.pool.query(
      `WITH d AS (INSERT INTO donor (type, unit_id, display_name, name_key, first_name, last_name)
                  SELECT 'natural', $1, 'علی کلاهدوزی ' || i, 'علیکلاهدوزی' || i, 'علی', 'کلاهدوزی ' || i FROM generate_series(1, 1100) i RETURNING id)
       INSERT INTO donor_unit_link (donor_id, unit_id, reason) SELECT id, $1, 'registration' FROM d`, [kashan.id]);
    const s = await as('participation_officer', 'P10');
    const res = await s.get(`/api/donors?q=${encodeURIComponent('کلاهدوزي')}&pageSize=5`);
    expect(res.json()).toMatchObject({ total: 1000, totalCapped: true });
    const names = res.json().items.map((d: { displayName: string }) => d.displayName);
    expect(names).toHaveLength(5);
    expect([...names].sort()).toEqual(names);
    const narrow = await s.get(`/api/donors?q=${encodeURIComponent('کلاهدوزی 107')}`);
    expect(narrow.json()).toMatchObject({ total: 11, totalCapped: false });
  });

  it('should filter by type, tag and unit subtree and page the results', async () => {
    const { db } = await testApp();
    for (let i = 0; i < 3; i++) await fakeDonor(db.pool, { unitCode: 'C1010', lastName: `صفحه‌بندی ${i}`, tags: ['پویش رمضان'] });
    await fakeDonor(db.pool, { unitCode: 'C2303', lastName: 'صفحه‌بندی تهران', tags: ['پویش رمضان'] });
    const kashan = await unitByCode(db.pool, 'C1010');
    const s = await as('inspector', 'HQ');
    const page1 = await s.get(`/api/donors?tag=${encodeURIComponent('پويش رمضان')}&unitId=${kashan.id}&type=natural&pageSize=2`);
    expect(page1.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.json().items).toHaveLength(2);
    const page2 = await s.get(`/api/donors?tag=${encodeURIComponent('پویش رمضان')}&unitId=${kashan.id}&pageSize=2&page=2`);
    expect(page2.json().items).toHaveLength(1);
    expect((await s.get(`/api/donors?tag=${encodeURIComponent('پویش رمضان')}&type=legal`)).json().total).toBe(0);
  });
});

describe('privacy', () => {
  it('should mask identifiers for everyone and reveal them, with an audit row, only to holders of donors.pii', async () => {
    const { db } = await testApp();
    const mobile = generateMobile(testRng);
    const nationalCode = generateNationalCode(testRng);
    const d = await fakeDonor(db.pool, { unitCode: 'C2303', mobiles: [mobile], nationalCode, sheba: 'IR062960000000100324200001' });
    const finance = await as('finance_officer', 'P23');
    const seen = await finance.get(`/api/donors/${d.id}`);
    expect(seen.json()).toMatchObject({ nationalCode: `******${nationalCode.slice(-4)}`, mobiles: [`*******${mobile.slice(-4)}`], can: { reveal: false, edit: false } });
    expect(seen.body).not.toContain(nationalCode);
    expect((await finance.post(`/api/donors/${d.id}/reveal`)).statusCode).toBe(403);

    const officer = await as('participation_officer', 'C2303');
    const res = await officer.post(`/api/donors/${d.id}/reveal`, undefined, { 'x-request-id': 'req-reveal-0001' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ nationalCode, legalId: null, mobiles: [mobile], sheba: 'IR062960000000100324200001', contacts: [] });
    const { rows } = await db.pool.query(`SELECT action, entity_id, summary FROM audit_log WHERE request_id = 'req-reveal-0001'`);
    expect(rows).toEqual([{ action: 'donor.reveal', entity_id: d.id, summary: { fields: ['nationalCode', 'sheba', 'mobiles'] } }]);
    // a holder of donors.pii elsewhere cannot reveal a donor outside their units
    const kashan = await as('participation_officer', 'C1010');
    expect((await kashan.post(`/api/donors/${d.id}/reveal`)).statusCode).toBe(404);
  });

  it('should answer 404 when a county officer opens a donor of another province, until the donor gives there', async () => {
    const { db } = await testApp();
    const d = await fakeDonor(db.pool, { unitCode: 'C1010' });
    const rey = await as('participation_officer', 'C2303');
    const res = await rey.get(`/api/donors/${d.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('DONOR_NOT_FOUND');
    expect((await rey.get('/api/donors/00000000-0000-4000-8000-000000000000')).json()).toEqual(res.json());
    expect((await rey.patch(`/api/donors/${d.id}`, { notes: 'x' })).statusCode).toBe(404);
    expect((await rey.get(`/api/donors?q=${encodeURIComponent(d.lastName!)}`)).json().total).toBe(0);
    // the contributions module links a donor to the unit where a gift is recorded
    const reyUnit = await unitByCode(db.pool, 'C2303');
    await withTx(db.pool, (tx) => linkDonorToUnit(tx, d.id, reyUnit.id));
    expect((await rey.get(`/api/donors/${d.id}`)).json().units.map((u: { code: string }) => u.code)).toEqual(['C1010', 'C2303']);
    expect((await rey.get(`/api/donors?q=${encodeURIComponent(d.lastName!)}`)).json().items.map((x: { id: string }) => x.id)).toEqual([d.id]);
  });

  it('should export an RTL Excel sheet masked for a reader and unmasked only on request to a donors.pii holder', async () => {
    const { app, db } = await testApp();
    const nationalCode = generateNationalCode(testRng);
    await fakeDonor(db.pool, { unitCode: 'C2303', lastName: 'خروجی اکسل', nationalCode });
    const read = async (body: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(body as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as string[]).slice(1);
      const row = (ws.getRow(2).values as string[]).slice(1);
      return { rtl: ws.views[0]?.rightToLeft, header, value: (title: string) => row[header.indexOf(title)], rows: ws.rowCount };
    };
    const finance = await as('finance_officer', 'P23');
    const masked = await finance.get(`/api/donors/export.xlsx?q=${encodeURIComponent('خروجی اکسل')}`);
    expect(masked.statusCode).toBe(200);
    expect(masked.headers['content-type']).toContain('spreadsheetml');
    const m = await read(masked.rawPayload);
    expect(m).toMatchObject({ rtl: true, rows: 2 });
    expect(m.header.slice(0, 5)).toEqual(['نوع', 'نام', 'نام خانوادگی', 'نام پدر', 'کد ملی']);
    expect(m.value('کد ملی')).toBe(`******${nationalCode.slice(-4)}`);
    expect((await finance.get('/api/donors/export.xlsx?unmasked=true')).statusCode).toBe(403);
    const officer = await as('participation_officer', 'P23');
    const full = await officer.get(`/api/donors/export.xlsx?unmasked=true&q=${encodeURIComponent('خروجی اکسل')}`);
    expect((await read(full.rawPayload)).value('کد ملی')).toBe(nationalCode);
    const { rows } = await db.pool.query(`SELECT summary->>'unmasked' AS unmasked FROM audit_log WHERE action = 'donor.export' ORDER BY id`);
    expect(rows.map((r) => r.unmasked)).toEqual(['false', 'true']);
    void app;
  });
});

describe('editing donors', () => {
  it('should change, clear and audit fields and refuse a national code that belongs to another donor', async () => {
    const { db } = await testApp();
    const other = await fakeDonor(db.pool, { unitCode: 'C2303' });
    const d = await fakeDonor(db.pool, { unitCode: 'C2303', lastName: 'قدیمی', notes: 'یادداشت' });
    const s = await as('participation_officer', 'C2303');
    const res = await s.patch(`/api/donors/${d.id}`, { lastName: 'جديد', notes: null, mobiles: ['09351234567'], tags: ['همیار'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'نیکوکار جدید', notes: null, mobiles: ['*******4567'], tags: ['همیار'] });
    const { rows } = await db.pool.query(`SELECT summary FROM audit_log WHERE action = 'donor.update' AND entity_id = $1`, [d.id]);
    expect(rows[0].summary).toMatchObject({ lastName: { from: 'قدیمی', to: 'جدید' }, notes: { from: 'یادداشت', to: null }, mobiles: { count: 1 } });
    const otherCode = (await withTx(db.pool, async (tx) => (await import('./reveal-donor.ts')).revealDonor(tx, { actor: { kind: 'system', name: 't' }, requestId: null, ip: null }, other.id))).nationalCode!;
    const dup = await s.patch(`/api/donors/${d.id}`, { nationalCode: otherCode, notes: 'نباید ذخیره شود' });
    expect(dup.statusCode).toBe(409);
    expect((await s.get(`/api/donors/${d.id}`)).json().notes).toBeNull();
    expect((await s.patch(`/api/donors/${d.id}`, { legalName: 'نامعتبر' })).json().error.code).toBe('DONOR_FIELD_NOT_FOR_TYPE');
  });
});
