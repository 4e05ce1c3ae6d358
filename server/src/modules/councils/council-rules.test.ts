import { describe, expect, it } from 'vitest';
import { addJalaliMonths, halfOf, halfRange, lastEndedHalf, meetingDue, quorumOf, type MemberRole, type QuorumRule } from './council-rules.ts';

const members = (n: number, chair = true) => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, role: (i === 0 && chair ? 'chair' : 'member') as MemberRole }));
const present = (...ids: number[]) => new Set(ids.map((i) => `m${i}`));
const majority: QuorumRule = { kind: 'majority', minMembers: null, requiresChair: false };

describe('quorumOf', () => {
  it.each<[string, QuorumRule, number, number[], boolean, number]>([
    ['4 of 7 sit (more than half)', majority, 7, [0, 1, 2, 3], true, 4],
    ['3 of 7 sit', majority, 7, [0, 1, 2], false, 4],
    ['3 of 6 sit (exactly half is not more than half)', majority, 6, [0, 1, 2], false, 4],
    ['4 of 6 sit', majority, 6, [0, 1, 2, 3], true, 4],
    ['the council has no members', majority, 0, [], false, 1],
    ['the minimum is 5 and 5 sit', { kind: 'min_members', minMembers: 5, requiresChair: false }, 9, [0, 1, 2, 3, 4], true, 5],
    ['the minimum is 5 and 4 sit', { kind: 'min_members', minMembers: 5, requiresChair: false }, 9, [0, 1, 2, 3], false, 5],
    ['the chair is required and absent', { kind: 'majority', minMembers: null, requiresChair: true }, 5, [1, 2, 3], false, 3],
    ['the chair is required and present', { kind: 'majority', minMembers: null, requiresChair: true }, 5, [0, 2, 3], true, 3],
  ])('should decide the quorum when %s', (_label, rule, n, ids, met, required) => {
    const q = quorumOf(rule, members(n), present(...ids));
    expect(q).toMatchObject({ met, required, memberCount: n, presentCount: ids.length });
    expect(q.reasonFa).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('the quarterly meeting duty', () => {
  // 1405/06/31 12:00 Tehran = 2026-09-22T08:30Z; three months on is 1405/09/30 (Azar has 30 days)
  const lastMeeting = new Date('2026-09-22T08:30:00Z');
  it('should clamp the day to the end of a shorter month', () => {
    expect(addJalaliMonths(lastMeeting, 3).toISOString()).toBe('2026-12-20T20:30:00.000Z'); // 1405/09/30 00:00 Tehran
    expect(addJalaliMonths(new Date('2027-01-20T08:30:00Z'), 3).toISOString()).toBe('2027-04-18T20:30:00.000Z'); // 1405/10/30 → 1406/01/30
  });

  it.each<[string, string, boolean, number, boolean]>([
    ['a day before it is due', '2026-12-19T20:30:00Z', false, 0, true],
    ['the instant it is due', '2026-12-20T20:30:00Z', true, 0, false],
    ['ten days late', '2026-12-30T21:00:00Z', true, 10, false],
    ['a month ahead', '2026-11-20T20:30:00Z', false, 0, false],
  ])('should report the duty %s', (_label, iso, overdue, days, soon) => {
    expect(meetingDue(lastMeeting, new Date('2020-01-01'), new Date(iso))).toMatchObject({ overdue, daysOverdue: days, dueSoon: soon });
  });

  it('should count from the council\'s formation when it has never met with quorum', () => {
    expect(meetingDue(null, lastMeeting, new Date('2026-12-21T00:00:00Z')).overdue).toBe(true);
  });
});

describe('six-monthly periods', () => {
  it.each<[string, string, { fiscalYear: number; half: 1 | 2 }]>([
    ['the last second of Shahrivar', '2026-09-22T20:29:59Z', { fiscalYear: 1405, half: 1 }],
    ['the first second of Mehr', '2026-09-22T20:30:00Z', { fiscalYear: 1405, half: 2 }],
    ['Nowruz', '2026-03-20T20:30:00Z', { fiscalYear: 1405, half: 1 }],
  ])('should place %s in its half-year', (_label, iso, expected) => {
    expect(halfOf(new Date(iso))).toEqual(expected);
  });

  it('should span months 1–6 and 7–12 and know which half ended last', () => {
    expect(halfRange({ fiscalYear: 1405, half: 1 })).toMatchObject({ fromMonth: 1, toMonth: 6, fromOn: '1405/01/01', toOn: '1405/06/31' });
    expect(halfRange({ fiscalYear: 1405, half: 2 })).toMatchObject({ fromMonth: 7, toMonth: 12, fromOn: '1405/07/01', toOn: '1405/12/29' });
    expect(lastEndedHalf(new Date('2026-11-29T10:00:00Z'))).toEqual({ fiscalYear: 1405, half: 1 });
    expect(lastEndedHalf(new Date('2026-05-01T10:00:00Z'))).toEqual({ fiscalYear: 1404, half: 2 });
  });
});
