import { formatJalaliDate } from '@mosharekat/fa';
import { describe, expect, it } from 'vitest';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { signInAs, testApp } from '../../testing/test-app.ts';

describe('dashboard', () => {
  it('should show a county the money it received this year and its activity of the last fortnight', async () => {
    const { app, db } = await testApp();
    const kashan = await unitByCode(db.pool, 'C1010');
    const s = await signInAs(app, (await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'C1010' })).username, testPassword);
    const gift = await s.post('/api/contributions', { unitId: kashan.id, amountRials: '2500000', fundKind: 'general', channel: 'counter_cash', receivedOn: formatJalaliDate(new Date(), { digits: 'latin' }) }, { 'idempotency-key': `dash-${Date.now()}` });
    expect(gift.statusCode).toBe(201);
    const d = (await s.get('/api/dashboard')).json();
    expect(d.unit.code).toBe('C1010');
    const figure = (key: string) => d.figures.find((f: { key: string }) => f.key === key)?.value;
    expect(figure('contributions.year.total')).toBe('2500000');
    expect(figure('contributions.year.count')).toBe('1');
    expect(figure('audit.today')).toBe('2'); // the sign-in and the gift
    const days = d.series.find((x: { key: string }) => x.key === 'audit.byDay').points;
    expect(days).toHaveLength(14);
    expect(days.at(-1).value).toBe('2');
    expect(d.figures.map((f: { key: string }) => f.key)).not.toContain('subunits.province');
    // another county's dashboard is out of reach
    const rey = await unitByCode(db.pool, 'C2303');
    expect((await s.get(`/api/dashboard?unitId=${rey.id}`)).statusCode).toBe(404);
  });
});
