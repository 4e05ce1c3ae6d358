import { formatJalaliDate } from '@mosharekat/fa';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { signInAs, testApp, type Session } from '../../testing/test-app.ts';
import type { Role } from '../access/permissions.ts';
import { addJalaliMonths } from '../councils/council-rules.ts';

/*
 * Building blocks of the councils and spending integration tests: people, money passed down to a
 * county, a council meeting held with quorum. Everything goes through the HTTP API.
 */

export const today = () => formatJalaliDate(new Date(), { digits: 'latin' });
export const jalaliDay = (d: Date) => formatJalaliDate(d, { digits: 'latin' });
/** the first day of the current Jalali month and the last day two months on: a period that holds now */
export function periodAroundNow(): { validFrom: string; validTo: string } {
  const [y, m] = today().split('/');
  const end = new Date(addJalaliMonths(new Date(), 2).getTime() - 1);
  return { validFrom: `${y}/${m}/01`, validTo: jalaliDay(end) };
}
export const payeeSheba = 'IR050170000000123456789012';

let keySeq = 0;
export const key = () => ({ 'idempotency-key': `test-key-${Date.now()}-${++keySeq}` });

export interface Person extends Session {
  id: string;
  name: string;
}

export async function person(role: Role, unitCode: string, fullName?: string): Promise<Person> {
  const { app, db } = await testApp();
  const u = await fakeUser(db.pool, { role, unitCode, ...(fullName ? { fullName } : {}) });
  const s = await signInAs(app, u.username, testPassword);
  return Object.assign(s, { id: u.id, name: fullName ?? `کاربر آزمایشی ${u.username}` });
}

export interface Gift { fundKind: 'general' | 'specific'; amountRials: string; purposeCode?: string; targetGroupCode?: string; receivedOn?: string }

/**
 * Records gifts at a unit (contributions, with Idempotency-Keys) and, for a county, has the
 * province hand them down to the county's spending account. Returns the funds and journals.
 */
export async function fundUnit(officer: Session, finance: Session | null, unitId: string, gifts: Gift[]) {
  const journals: string[] = [];
  const funds: Record<string, string> = {};
  const amounts = new Map<string, bigint>();
  for (const g of gifts) {
    const res = await officer.post('/api/contributions', { unitId, channel: 'counter_cash', receivedOn: today(), ...g }, key());
    if (res.statusCode !== 201) throw new Error(`contribution: ${res.statusCode} ${res.body}`);
    const c = res.json();
    journals.push(c.journalId);
    const name = g.fundKind === 'general' ? 'general' : g.purposeCode!;
    funds[name] = c.fund.id;
    amounts.set(c.fund.id, (amounts.get(c.fund.id) ?? 0n) + BigInt(g.amountRials));
  }
  if (finance) {
    const pd = await finance.post('/api/pass-downs', {
      countyUnitId: unitId, documentNo: `PD-${Date.now()}-${++keySeq}`, items: [...amounts].map(([fundId, a]) => ({ fundId, amountRials: a.toString() })),
    }, key());
    if (pd.statusCode !== 201) throw new Error(`pass-down: ${pd.statusCode} ${pd.body}`);
    journals.push(pd.json().journalId);
  }
  return { funds, journals };
}

/**
 * Forms the council of a unit (or reuses it), seats `members` people and holds a meeting with
 * `present` of them attending; returns the council and the closed meeting.
 */
export async function councilMeeting(secretary: Session, unitCode: string, opts: { members?: number; present?: number; heldOn?: string } = {}) {
  const { db } = await testApp();
  const unit = await unitByCode(db.pool, unitCode);
  let council = (await secretary.get(`/api/councils?unitId=${unit.id}&pageSize=200`)).json().items.find((c: { unit: { id: string } }) => c.unit.id === unit.id);
  if (!council) {
    const res = await secretary.post('/api/councils', { unitId: unit.id });
    if (res.statusCode !== 201) throw new Error(`council: ${res.statusCode} ${res.body}`);
    council = res.json();
    const n = opts.members ?? 5;
    for (let i = 0; i < n; i++) {
      const m = await secretary.post(`/api/councils/${council.id}/members`, { fullName: `عضو شماره ${i + 1}`, organization: 'خیرین شهرستان', role: i === 0 ? 'chair' : 'member' });
      if (m.statusCode !== 201) throw new Error(`member: ${m.statusCode} ${m.body}`);
    }
  }
  const detail = (await secretary.get(`/api/councils/${council.id}`)).json();
  const sitting = detail.members.filter((m: { leftAt: string | null }) => !m.leftAt);
  const heldOn = opts.heldOn ?? today();
  const meeting = (await secretary.post(`/api/councils/${council.id}/meetings`, { scheduledOn: heldOn, agenda: 'بررسی هزینه‌کرد مشارکت‌های عام' })).json();
  const present = opts.present ?? Math.floor(sitting.length / 2) + 1;
  await secretary.post(`/api/meetings/${meeting.id}/attendance`, { entries: sitting.map((m: { id: string }, i: number) => ({ memberId: m.id, present: i < present })) });
  const closed = await secretary.post(`/api/meetings/${meeting.id}/close`, { heldOn, minutes: 'صورت‌جلسه: اعضا درباره هزینه‌کرد مشارکت‌های عام تصمیم گرفتند.' });
  if (closed.statusCode !== 200) throw new Error(`close: ${closed.statusCode} ${closed.body}`);
  return { council, meeting: closed.json(), unit };
}

export function spendingBody(unitId: string, fundId: string, over: Record<string, unknown> = {}) {
  return {
    unitId, fundId, amountRials: '12000000', title: 'کمک معیشتی به خانواده‌های تحت پوشش', purposeCode: 'livelihood',
    beneficiaries: '۱۲ خانوار زن سرپرست', beneficiaryCount: 12, payeeName: 'فروشگاه تعاونی کالای اساسی', payeeSheba, ...over,
  };
}
