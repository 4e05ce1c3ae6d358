import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatJalaliDate } from '@mosharekat/fa';
import { describe, expect, it } from 'vitest';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { signInAs, testApp, type Session } from '../../testing/test-app.ts';
import { runLedgerCheck } from '../ledger/ledger-check.ts';
import { csvImportRows } from './csv-rows.ts';
import { ImportContext } from './import-context.ts';
import { importContributionBatch, importContributions, parsePaidAt, type ImportRow } from './import-contributions.ts';

async function waitForImport(s: Session, id: string) {
  for (let i = 0; i < 200; i++) {
    const r = (await s.get(`/api/contribution-imports/${id}`)).json();
    if (r.status !== 'running' && r.status !== 'queued') return r;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('import did not finish');
}

function upload(s: Session, query: string, csv: string) {
  return s.post(`/api/contribution-imports?${query}`, csv, { 'content-type': 'text/csv' });
}

describe('importing settlement files', () => {
  it('should import valid rows, report bad ones per row in Persian, and count each reference once on re-import', async () => {
    const { app, db } = await testApp();
    const p10 = await unitByCode(db.pool, 'P10');
    const u = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P10' });
    const s = await signInAs(app, u.username, testPassword);
    const today = formatJalaliDate(new Date(), { digits: 'latin' });
    // a time of day that has passed whenever the test runs (10:15 today is still ahead just after midnight in Tehran)
    const yesterday = formatJalaliDate(new Date(Date.now() - 86_400_000), { digits: 'latin' });
    const csv = [
      'reference,amount_rials,paid_at,unit_code,purpose,target_group',
      `GW-1001,5000000,${yesterday} 10:15,C1010,orphans,`,
      `GW-1002,2500000,${today},C1010,general,`,
      'GW-1003,12.5,2025-05-01T10:00:00Z,C1010,general,',        // bad amount
      'GW-1004,1000,1404/13/40,C1010,general,',                   // bad date
      'GW-1005,1000,2025-05-01T10:00:00Z,C2303,general,',         // another province: out of scope
      'GW-1006,1000,2025-05-01T10:00:00Z,C1010,casino,',          // unknown purpose
      'GW-1001,5000000,2025-05-01T10:00:00Z,C1010,orphans,',      // duplicate within the file
      `GW-1007,۷۰۰۰۰۰,۱۴۰۴/۰۱/۱۵,C1010,housing,female_heads`,     // Persian digits
    ].join('\n');
    const dry = await upload(s, `unitId=${p10.id}&channel=gateway&dryRun=true`, csv);
    expect(dry.statusCode).toBe(202);
    const dryResult = await waitForImport(s, dry.json().id);
    expect(dryResult).toMatchObject({ status: 'done', rowsTotal: 8, rowsImported: 3, rowsInvalid: 4, rowsDuplicate: 1 });
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM contribution WHERE channel = 'gateway'`)).rows[0].n).toBe(0);

    const real = await upload(s, `unitId=${p10.id}&channel=gateway&fileName=settle.csv`, csv);
    const result = await waitForImport(s, real.json().id);
    expect(result).toMatchObject({ status: 'done', rowsImported: 3, rowsInvalid: 4, rowsDuplicate: 1, totalRials: '8200000' });
    const errors = (await s.get(`/api/contribution-imports/${real.json().id}/errors`)).json();
    expect(errors.items.map((e: { rowNo: number; field: string }) => [e.rowNo, e.field])).toEqual([[3, 'amountRials'], [4, 'paidAt'], [5, 'unitCode'], [6, 'purpose']]);
    expect(errors.items[0].message).toMatch(/[\u0600-\u06FF]/);

    const again = await upload(s, `unitId=${p10.id}&channel=gateway`, csv);
    expect(await waitForImport(s, again.json().id)).toMatchObject({ rowsImported: 0, rowsDuplicate: 4 });
    const { rows } = await db.pool.query(`SELECT channel_ref, amount_rials, receipt_no FROM contribution WHERE channel = 'gateway' ORDER BY channel_ref`);
    expect(rows.map((r) => r.channel_ref)).toEqual(['GW-1001', 'GW-1002', 'GW-1007']);
    expect(new Set(rows.map((r) => r.receipt_no)).size).toBe(3);
    expect(await runLedgerCheck(db.pool)).toEqual([]);
  });

  it('should keep the contribution figures equal to the gifts, through imports, single gifts and reversals', async () => {
    const { app, db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const officer = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P10' });
    const s = await signInAs(app, officer.username, testPassword);
    const other = await signInAs(app, (await fakeUser(db.pool, { role: 'finance_officer', unitCode: 'P10' })).username, testPassword);
    const { actor } = officer;
    const before = (await s.get('/api/reports/contributions?fiscalYear=1404')).json();
    async function* rows(): AsyncGenerator<ImportRow> {
      for (let i = 0; i < 2500; i++) yield { rowNo: i + 1, reference: `BULK-${i}`, amountRials: String(10_000 + i), paidAt: '2025-06-01T08:00:00Z', unitCode: 'C1010', purpose: i % 3 ? 'general' : 'food' };
    }
    const totals = await importContributions(db.pool, { actor, requestId: null, ip: null }, 'ussd', rows(), { dryRun: false, importId: null, batchSize: 1000 });
    expect(totals).toMatchObject({ rows: 2500, imported: 2500, duplicates: 0, invalid: 0 });
    const c = (await s.post('/api/contributions', { unitId: kashan.id, amountRials: '990000', fundKind: 'general', channel: 'counter_cash', receivedOn: formatJalaliDate(new Date(), { digits: 'latin' }) }, { 'idempotency-key': `fig-${Date.now()}` })).json();
    const rev = await other.post(`/api/contributions/${c.id}/reverse`, { reason: 'ثبت آزمایشی اشتباه' }, { 'idempotency-key': `fig-rev-${Date.now()}` });
    expect(rev.statusCode, rev.body).toBe(200);
    const figures = (await s.get('/api/reports/contributions?fiscalYear=1404')).json();
    expect(BigInt(figures.gifts) - BigInt(before.gifts)).toBe(2500n);
    expect(BigInt(figures.totalRials) - BigInt(before.totalRials)).toBe(2500n * 10_000n + (2499n * 2500n) / 2n);
    // this year's single gift was reversed: it counts nowhere
    const thisYear = (await s.get('/api/reports/contributions')).json();
    expect(thisYear.byChannel.find((ch: { key: string }) => ch.key === 'counter_cash')?.gifts ?? '0').toBe('0');
    expect(await runLedgerCheck(db.pool)).toEqual([]);
  });
});

describe('references claimed by parallel writers', () => {
  const row = (rowNo: number, reference: string): ImportRow => ({ rowNo, reference, amountRials: '250000', paidAt: '2025-06-01T08:00:00Z', unitCode: 'C1010', purpose: 'general' });

  it('should credit each reference once, without deadlock, when parallel batches hold the same references in opposite orders', async () => {
    const { db } = await testApp();
    const officer = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P10' });
    const { actor } = officer;
    const refs = Array.from({ length: 200 }, (_, i) => `CROSS-${String(i).padStart(3, '0')}`);
    async function* rows(): AsyncGenerator<ImportRow> {
      // every batch of 200 holds all the references, the odd batches in reverse order
      for (let b = 0; b < 6; b++) for (let i = 0; i < 200; i++) yield row(b * 200 + i + 1, refs[b % 2 ? 199 - i : i]!);
    }
    const totals = await importContributions(db.pool, { actor, requestId: null, ip: null }, 'pos', rows(), { dryRun: false, importId: null, batchSize: 200, parallel: 3 });
    expect(totals).toMatchObject({ rows: 1200, imported: 200, duplicates: 1000, invalid: 0, totalRials: 200n * 250000n });
    const { rows: counts } = await db.pool.query(`SELECT count(*)::int AS n, count(DISTINCT channel_ref)::int AS refs FROM contribution WHERE channel = 'pos' AND channel_ref LIKE 'CROSS-%'`);
    expect(counts[0]).toEqual({ n: 200, refs: 200 });
    expect(await runLedgerCheck(db.pool)).toEqual([]);
  });

  it('should make an online gift a duplicate when an import batch has claimed its reference, and a late claim a duplicate of a committed one', async () => {
    const { app, db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const officer = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P10' });
    const s = await signInAs(app, officer.username, testPassword);
    const { actor } = officer;
    const ctx = { actor, requestId: null, ip: null };
    const c = await ImportContext.load(db.pool);
    const opts = { dryRun: false, importId: null };

    // the batch claims RACE-1 and stays open; the online gift of the same payment waits for it, then is refused
    const a = await db.pool.connect();
    await a.query('BEGIN');
    expect(await importContributionBatch(a, ctx, c, 'card_to_card', [row(1, 'RACE-1'), row(2, 'RACE-2')], opts)).toMatchObject({ imported: 2, duplicates: 0 });
    const online = s.post('/api/contributions', { unitId: kashan.id, amountRials: '250000', fundKind: 'general', channel: 'card_to_card', channelRef: 'RACE-1',
      receivedOn: formatJalaliDate(new Date(), { digits: 'latin' }) }, { 'idempotency-key': `race-${Date.now()}` });
    await new Promise((r) => setTimeout(r, 300));
    // a second batch with RACE-2 (not committed yet, so not seen by its duplicate check) waits on the claim too
    const b = await db.pool.connect();
    await b.query('BEGIN');
    const late = importContributionBatch(b, ctx, c, 'card_to_card', [row(1, 'RACE-2'), row(2, 'RACE-3')], opts);
    await new Promise((r) => setTimeout(r, 300));
    await a.query('COMMIT');
    a.release();
    const refused = await online;
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('CONTRIBUTION_DUPLICATE_REFERENCE');
    expect(await late).toMatchObject({ imported: 1, duplicates: 1 });
    await b.query('COMMIT');
    b.release();
    const { rows } = await db.pool.query(`SELECT channel_ref, count(*)::int AS n FROM contribution WHERE channel = 'card_to_card' AND channel_ref LIKE 'RACE-%' GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([{ channel_ref: 'RACE-1', n: 1 }, { channel_ref: 'RACE-2', n: 1 }, { channel_ref: 'RACE-3', n: 1 }]);
    expect(await runLedgerCheck(db.pool)).toEqual([]);
  });

  it('should refuse a reference with control characters on its row, not fail the batch', async () => {
    const { db } = await testApp();
    const officer = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P10' });
    const { actor } = officer;
    async function* rows(): AsyncGenerator<ImportRow> {
      yield row(1, 'CTRL\u0000-1');
      yield row(2, 'BS\\\\ok-2');
    }
    const totals = await importContributions(db.pool, { actor, requestId: null, ip: null }, 'cheque', rows(), { dryRun: false, importId: null });
    expect(totals).toMatchObject({ rows: 2, imported: 1, invalid: 1 });
    expect((await db.pool.query(`SELECT channel_ref FROM contribution WHERE channel = 'cheque'`)).rows).toEqual([{ channel_ref: 'BS\\\\ok-2' }]);
  });
});

describe('reading settlement files', () => {
  it('should read CRLF, CR and LF lines, a BOM, quoted fields and lines split across read chunks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msk-csv-'));
    try {
      const file = path.join(dir, 'f.csv');
      const body = Array.from({ length: 3000 }, (_, i) => `R-${i},${1000 + i},2025-06-01T08:00:00Z,C1010,general`);
      fs.writeFileSync(file, '\uFEFFشماره پیگیری,مبلغ,تاریخ,کد واحد,نیت\r\n' + body.slice(0, 1000).join('\r\n') + '\r\n\r\n' + body.slice(1000, 2000).join('\n') + '\r'
        + body.slice(2000, 2999).join('\r') + '\n"Q-1,""x""",  7000 ,2025-06-01T08:00:00Z,C1010,food\r\n');
      const rows: ImportRow[] = [];
      for await (const r of csvImportRows(file)) rows.push(r);
      expect(rows).toHaveLength(3000);
      expect(rows[0]).toEqual({ rowNo: 1, reference: 'R-0', amountRials: '1000', paidAt: '2025-06-01T08:00:00Z', unitCode: 'C1010', purpose: 'general', targetGroup: undefined });
      expect(rows.map((r) => r.reference).slice(0, 2999)).toEqual(body.slice(0, 2999).map((l) => l.split(',')[0]));
      expect(rows[2999]).toMatchObject({ rowNo: 3000, reference: 'Q-1,"x"', amountRials: '7000', purpose: 'food' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the time of a settlement row', () => {
  // 00:30 on 1405/09/09 in Tehran (UTC+3:30): early in the day, as when a nightly file is read
  const now = new Date('2026-11-29T21:00:00Z');
  it('should date a day without a time at its noon, or now when the day is today', () => {
    expect(parsePaidAt('1405/09/08', now)?.toISOString()).toBe('2026-11-29T08:30:00.000Z');
    expect(parsePaidAt('۱۴۰۵/۰۹/۰۹', now)).toEqual(now);
    expect(parsePaidAt('1405/09/10', now)).toBeNull();
  });

  it('should refuse a time of day that has not come yet, in Tehran time', () => {
    expect(parsePaidAt('1405/09/09 00:15', now)?.toISOString()).toBe('2026-11-29T20:45:00.000Z');
    expect(parsePaidAt('1405/09/09 10:15', now)).toBeNull();
    expect(parsePaidAt('2026-11-29T21:00:01Z', now)).toBeNull();
    expect(parsePaidAt('1405/13/01', now)).toBeNull();
  });
});
