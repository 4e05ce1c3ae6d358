import ExcelJS from 'exceljs';
import { generateMobile, generateNationalCode } from '@mosharekat/fa';
import { afterAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../../jobs/handlers.ts';
import { startJobWorker, type JobWorker } from '../../../jobs/job-queue.ts';
import { fakeUser, testPassword } from '../../../testing/factories.ts';
import { signInAs, testApp, type Session } from '../../../testing/test-app.ts';
import type { Role } from '../../access/permissions.ts';
import { fakeDonor, testRng } from '../testing/fake-donor.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let worker: JobWorker | null = null;

/** The app with a background worker on this file's database, as the server runs it. */
async function appWithWorker() {
  const t = await testApp();
  if (!worker) {
    worker = startJobWorker(t.db.pool, jobHandlers, { pollMs: 50 });
    afterAll(() => worker!.stop());
  }
  return t;
}

async function as(role: Role, unitCode: string) {
  const { app, db } = await appWithWorker();
  const u = await fakeUser(db.pool, { role, unitCode });
  return signInAs(app, u.username, testPassword);
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

async function upload(s: Session, body: string | Buffer, query: string, contentType = 'text/csv') {
  const res = await s.post(`/api/donors/import?${query}`, body, { 'content-type': contentType });
  expect(res.statusCode, res.body).toBe(202);
  return res.json() as { id: string; status: string };
}

async function finished(s: Session, id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await s.get(`/api/donors/imports/${id}`);
    const body = res.json();
    if (body.status === 'done' || body.status === 'failed') return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} did not finish`);
}

async function reyCity(): Promise<string> {
  const { db } = await testApp();
  const { rows } = await db.pool.query<{ name: string }>(
    `SELECT g.name FROM org_unit u JOIN geo_division g ON g.county_id = u.geo_id AND g.level = 'city' WHERE u.code = 'C2303' ORDER BY g.id LIMIT 1`);
  return rows[0]!.name;
}

const header = ['نوع', 'نام', 'نام خانوادگی', 'کد ملی', 'تلفن همراه', 'استان', 'شهرستان', 'شهر یا روستا', 'برچسب‌ها', 'ستون ناشناخته'];

describe('donor import', () => {
  it('should report per-row errors in Persian and write no donor when the import is a dry run', async () => {
    const { db } = await appWithWorker();
    const s = await as('participation_officer', 'C2303');
    const good = generateNationalCode(testRng);
    const file = csv([
      header,
      ['حقیقی', 'علي', 'آزمون خشک', good, '+98 912 000 1111', 'تهران', 'ری', await reyCity(), 'الف، ب', 'x'],
      ['حقیقی', 'بد', 'کد ملی', '0012345678', '09120001112', '', '', '', '', ''],
      ['حقیقی', 'بد', 'همراه', '', '12345', '', '', '', '', ''],
      ['حقیقی', 'بد', 'شهرستان', generateNationalCode(testRng), '', 'تهران', 'ناکجاآباد', '', '', ''],
      ['حقیقی', 'بی', 'شناسه', '', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', '', '', ''],
      ['حقوقی', '', '', '', '', '', '', '', '', ''],
    ]);
    const started = await upload(s, file, 'dryRun=true&fileName=donors.csv');
    expect(started).toMatchObject({ status: 'queued', dryRun: true, format: 'csv', fileName: 'donors.csv' });
    const done = await finished(s, started.id);
    expect(done).toMatchObject({ status: 'done', rowsRead: 6, rowsValid: 1, rowsInvalid: 5, created: 1, updated: 0, ignoredColumns: ['ستون ناشناخته'] });
    const errors = await s.get(`/api/donors/imports/${started.id}/errors`);
    expect(errors.json().items.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [3, 'کد ملی', 'DONOR_NATIONAL_CODE_INVALID'],
      [4, 'تلفن همراه', 'DONOR_MOBILE_INVALID'],
      [5, 'شهرستان', 'DONOR_IMPORT_PLACE_UNKNOWN'],
      [6, 'کد ملی', 'DONOR_IMPORT_IDENTITY_REQUIRED'],
      [8, 'نام شخص حقوقی', 'DONOR_NAME_REQUIRED'],
    ]);
    expect(errors.json().items[0].message).toBe('کد ملی واردشده معتبر نیست؛ ده رقم آن را دوباره بررسی کنید.');
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM donor WHERE last_name = 'آزمون خشک'`)).rows[0].n).toBe(0);
    // the report as a spreadsheet
    const xlsx = await s.get(`/api/donors/imports/${started.id}/errors.xlsx`);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]?.rightToLeft).toBe(true);
    expect((ws.getRow(2).values as unknown[]).slice(1, 3)).toEqual([3, 'کد ملی']);
    expect(ws.rowCount).toBe(6);
    // the stored file is gone once the import has ended
    expect((await db.pool.query('SELECT count(*)::int AS n FROM donor_import_chunk WHERE import_id = $1', [started.id])).rows[0].n).toBe(0);
  });

  it('should import new donors, and change nothing when the same file is imported again', async () => {
    const { db } = await appWithWorker();
    const s = await as('participation_officer', 'C2303');
    const codes = [generateNationalCode(testRng), generateNationalCode(testRng)];
    const mobile = generateMobile(testRng);
    const rows = [
      header.slice(0, 9),
      ['حقیقی', 'سارا', 'واردشده یک', codes[0]!, `${generateMobile(testRng)}، ${generateMobile(testRng)}`, 'تهران', 'ری', '', 'پویش "مهر"'],
      ['حقیقی', 'مهدی', 'واردشده دو', codes[1]!.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))), '', '', '', '', ''],
      ['حقیقی', 'بی‌کد', 'واردشده سه', '', mobile, '', '', '', ''],
      // the same person twice in one file: one donor
      ['حقیقی', 'سارا', 'واردشده یک', codes[0]!, '', '', '', '', 'دوم'],
    ];
    const first = await finished(s, (await upload(s, csv(rows), 'fileName=first.csv')).id);
    expect(first).toMatchObject({ status: 'done', dryRun: false, rowsRead: 4, rowsValid: 4, rowsInvalid: 0, created: 3, updated: 0, unchanged: 1 });
    const found = await s.get(`/api/donors?q=${encodeURIComponent('واردشده')}`);
    expect(found.json().items.map((d: { displayName: string }) => d.displayName).sort()).toEqual(['بی‌کد واردشده سه', 'سارا واردشده یک', 'مهدی واردشده دو']);
    const sara = found.json().items.find((d: { displayName: string }) => d.displayName === 'سارا واردشده یک');
    const profile = (await s.get(`/api/donors/${sara.id}`)).json();
    expect(profile).toMatchObject({ tags: ['پویش "مهر"', 'دوم'], units: [{ code: 'C2303', reason: 'import' }], address: { county: { name: 'ری' } } });
    expect(profile.mobiles).toHaveLength(2);
    const audit = await db.pool.query(`SELECT summary FROM audit_log WHERE action = 'donor.import_batch' AND entity_id = $1`, [first.id]);
    expect(audit.rows[0].summary.created).toHaveLength(3);

    const again = await finished(s, (await upload(s, csv(rows), 'fileName=first.csv')).id);
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 4 });
    expect((await s.get(`/api/donors?q=${encodeURIComponent('واردشده')}`)).json().total).toBe(3);

    // a later file fills blanks and adds what is missing, but overwrites nothing
    const more = await finished(s, (await upload(s, csv([
      ['کد ملی', 'نام', 'نام خانوادگی', 'نام پدر', 'تلفن همراه'],
      [codes[1]!, 'نام دیگر', 'واردشده دو', 'کریم', '09350000000'],
    ]), 'fileName=more.csv')).id);
    expect(more).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const mahdi = (await s.get(`/api/donors?q=${codes[1]}`)).json().items[0];
    expect((await s.get(`/api/donors/${mahdi.id}`)).json()).toMatchObject({ firstName: 'مهدی', fatherName: 'کریم', mobiles: ['*******0000'] });
  });

  it('should read an Excel file, including codes that Excel stored as numbers and dates stored as dates', async () => {
    const s = await as('participation_officer', 'P23');
    let code = generateNationalCode(testRng);
    while (!code.startsWith('00')) code = generateNationalCode(testRng);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['نام', 'نام خانوادگی', 'کد ملی', 'تاریخ تولد', 'تلفن همراه', 'جنسیت']);
    ws.addRow(['نرگس', 'اکسلی', Number(code), new Date(Date.UTC(1986, 6, 12)), 9121231234, 'زن']);
    ws.addRow([{ richText: [{ text: 'پر' }, { text: 'ویز' }] }, 'اکسلی', '', '1370/01/01', '09121231235', 'آقا']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const done = await finished(s, (await upload(s, file, 'fileName=donors.xlsx', XLSX)).id);
    expect(done).toMatchObject({ status: 'done', format: 'xlsx', rowsRead: 2, created: 2, rowsInvalid: 0 });
    const items = (await s.get(`/api/donors?q=${encodeURIComponent('اکسلی')}`)).json().items;
    const narges = items.find((d: { displayName: string }) => d.displayName === 'نرگس اکسلی');
    expect((await s.post(`/api/donors/${narges.id}/reveal`)).json()).toMatchObject({ nationalCode: code, mobiles: ['09121231234'] });
    expect((await s.get(`/api/donors/${narges.id}`)).json()).toMatchObject({ birthDate: '1365/04/21', gender: 'female' });
    expect(items.map((d: { displayName: string }) => d.displayName)).toContain('پرویز اکسلی');
  });

  it('should refuse rows of donors registered outside the importer\'s units without revealing them', async () => {
    const { db } = await appWithWorker();
    const code = generateNationalCode(testRng);
    const elsewhere = await fakeDonor(db.pool, { unitCode: 'C1010', nationalCode: code, lastName: 'کاشانی' });
    const s = await as('participation_officer', 'C2303');
    const done = await finished(s, (await upload(s, csv([['نام', 'نام خانوادگی', 'کد ملی', 'نام پدر'], ['کسی', 'دیگر', code, 'پدر']]), '')).id);
    expect(done).toMatchObject({ rowsInvalid: 1, created: 0, updated: 0 });
    const errors = (await s.get(`/api/donors/imports/${done.id}/errors`)).json();
    expect(errors.items).toMatchObject([{ row: 2, code: 'DONOR_IMPORT_EXISTS_ELSEWHERE' }]);
    expect(JSON.stringify(errors)).not.toContain(elsewhere.id);
    expect((await db.pool.query('SELECT father_name FROM donor WHERE id = $1', [elsewhere.id])).rows[0].father_name).toBeNull();
  });

  it('should fail the import with the missing column named when the header lacks a required column', async () => {
    const s = await as('participation_officer', 'C2303');
    const done = await finished(s, (await upload(s, csv([['نام', 'کد ملی'], ['علی', generateNationalCode(testRng)]]), '')).id);
    expect(done).toMatchObject({ status: 'failed', failure: { code: 'DONOR_IMPORT_HEADER' } });
    expect(done.failure.message).toContain('نام خانوادگی');
    const old = await s.post('/api/donors/import', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), { 'content-type': 'application/vnd.ms-excel' });
    expect(old.json().error.code).toBe('DONOR_IMPORT_FORMAT');
    const finance = await as('finance_officer', 'C2303');
    expect((await finance.post('/api/donors/import', 'a,b\r\n', { 'content-type': 'text/csv' })).statusCode).toBe(403);
  });
});
