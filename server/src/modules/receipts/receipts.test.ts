import { formatJalaliDate } from '@mosharekat/fa';
import { describe, expect, it } from 'vitest';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { signInAs, testApp } from '../../testing/test-app.ts';

describe('receipts', () => {
  it('should print the amount in digits and in correct Persian words, verify publicly, and render a PDF', async () => {
    const { app, db } = await testApp();
    const rey = await unitByCode(db.pool, 'C2303');
    const u = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'C2303' });
    const s = await signInAs(app, u.username, testPassword);
    const c = (await s.post('/api/contributions', { unitId: rey.id, amountRials: '8000000', fundKind: 'specific', purposeCode: 'orphans', channel: 'counter_cash', receivedOn: formatJalaliDate(new Date(), { digits: 'latin' }) }, { 'idempotency-key': `rcpt-${Date.now()}` })).json();

    const html = await s.get(`/api/contributions/${c.id}/receipt.html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('هشت میلیون ریال');
    expect(html.body).toContain('ناشناس');
    expect(html.body).toContain('<svg');
    expect(html.body).toContain(`/r/${c.receiptCode}`);

    const pub = await app.inject({ url: `/api/receipts/${c.receiptCode.toLowerCase()}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'valid', amountRials: '8000000', unitName: 'شهرستان ری', receiptNo: c.receiptNo });
    expect(pub.body).not.toContain(u.username);

    const page = await app.inject({ url: `/r/${c.receiptCode}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('این رسید معتبر است');
    const unknown = await app.inject({ url: '/r/ZZZZZZZZZZ' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('رسیدی با این کد یافت نشد');
    expect((await app.inject({ url: '/api/receipts/ZZZZZZZZZZ' })).json().error.code).toBe('RECEIPT_NOT_FOUND');

    const pdf = await s.get(`/api/contributions/${c.id}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(10_000);
  });

  it('should not show a contribution\'s receipt outside the caller\'s scope', async () => {
    const { app, db } = await testApp();
    const rey = await unitByCode(db.pool, 'C2303');
    const recorder = await signInAs(app, (await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'C2303' })).username, testPassword);
    const outsider = await signInAs(app, (await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'C1010' })).username, testPassword);
    const c = (await recorder.post('/api/contributions', { unitId: rey.id, amountRials: '10000', fundKind: 'general', channel: 'counter_cash', receivedOn: formatJalaliDate(new Date(), { digits: 'latin' }) }, { 'idempotency-key': `rcpt2-${Date.now()}` })).json();
    expect((await outsider.get(`/api/contributions/${c.id}/receipt.html`)).statusCode).toBe(404);
  });
});
