import { describe, expect, it } from 'vitest';
import { unitByCode } from '../../testing/factories.ts';
import { testApp } from '../../testing/test-app.ts';
import { councilMeeting, fundUnit, jalaliDay, periodAroundNow, person, spendingBody, today } from '../spending/governance-fixtures.ts';
import { addJalaliMonths } from './council-rules.ts';

const monthsAgo = (n: number) => jalaliDay(addJalaliMonths(new Date(), -n));

describe('councils', () => {
  it('should form one council per HQ, province or county unit, inside the secretary\'s subtree', async () => {
    const { db } = await testApp();
    const rey = await unitByCode(db.pool, 'C2303');
    const kashan = await unitByCode(db.pool, 'C1010');
    const secretary = await person('council_secretary', 'C2303');
    const created = await secretary.post('/api/councils', { unitId: rey.id });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ level: 'county', name: 'شورای مشارکت‌های مردمی شهرستان ری', quorum: { kind: 'majority', minMembers: null }, memberCount: 0, overdue: false });
    expect((await secretary.post('/api/councils', { unitId: rey.id })).json().error.code).toBe('COUNCIL_EXISTS');
    expect((await secretary.post('/api/councils', { unitId: kashan.id })).statusCode).toBe(404);
    const officer = await person('participation_officer', 'C2303');
    expect((await officer.post('/api/councils', { unitId: rey.id })).statusCode).toBe(403);

    const admin = await person('admin', 'HQ');
    const dep = (await admin.post('/api/org-units', { kind: 'department', name: 'معاونت آزمایشی', parentId: rey.id })).json();
    expect((await admin.post('/api/councils', { unitId: dep.id })).json().error.code).toBe('COUNCIL_UNIT_KIND');
    const hq = await unitByCode(db.pool, 'HQ');
    const bad = await admin.post('/api/councils', { unitId: hq.id, quorum: { kind: 'min_members', minMembers: null, requiresChair: false } });
    expect(bad.json().error).toMatchObject({ code: 'COUNCIL_QUORUM_INVALID', fields: [{ field: 'quorum.minMembers' }] });
    const central = await admin.post('/api/councils', { unitId: hq.id, quorum: { kind: 'min_members', minMembers: 7, requiresChair: true } });
    expect(central.json()).toMatchObject({ level: 'central', quorum: { kind: 'min_members', minMembers: 7, requiresChair: true } });

    // members: staff or outside people, one chair at a time, leaving keeps the record
    const staff = await person('director', 'C2303', 'مدیر شهرستان ری');
    const id = created.json().id;
    const chair = await secretary.post(`/api/councils/${id}/members`, { staffUserId: staff.id, role: 'chair' });
    expect(chair.json()).toMatchObject({ fullName: 'مدیر شهرستان ری', role: 'chair', staffUserId: staff.id });
    expect((await secretary.post(`/api/councils/${id}/members`, { fullName: 'حاج علی نیکوکار', organization: 'هیئت امنای خیرین', role: 'chair' })).json().error.code).toBe('COUNCIL_CHAIR_TAKEN');
    expect((await secretary.post(`/api/councils/${id}/members`, { staffUserId: staff.id, role: 'member' })).json().error.code).toBe('COUNCIL_MEMBER_DUPLICATE');
    const outsider = (await secretary.post(`/api/councils/${id}/members`, { fullName: 'حاج علی نیکوکار', organization: 'هیئت امنای خیرین', role: 'member' })).json();
    const ended = await secretary.post(`/api/council-members/${outsider.id}/end`, { reason: 'پایان دوره' });
    expect(ended.json()).toMatchObject({ leftReason: 'پایان دوره' });
    expect(ended.json().leftAt).not.toBeNull();
    const detail = (await secretary.get(`/api/councils/${id}`)).json();
    expect(detail.council.memberCount).toBe(1);
    expect(detail.members.map((m: { fullName: string }) => m.fullName)).toEqual(['مدیر شهرستان ری', 'حاج علی نیکوکار']);
    expect(detail.nextActions).toEqual(['edit', 'add_member', 'schedule_meeting', 'report']);
    const audit = await db.pool.query(`SELECT action FROM audit_log WHERE entity_type = 'council' AND entity_id = $1 ORDER BY id`, [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['council.create', 'council.member_add', 'council.member_add', 'council.member_end']);
  });

  it('should show which councils are overdue for their quarterly meeting', async () => {
    const { db } = await testApp();
    const secretary = await person('council_secretary', 'P10');
    const { rows } = await db.pool.query(`SELECT code FROM org_unit WHERE kind = 'county' AND code LIKE 'C10%' AND code <> 'C1010' ORDER BY code LIMIT 1`);
    const late = await councilMeeting(secretary, 'C1010', { members: 3, present: 2, heldOn: monthsAgo(4) });
    const recent = await councilMeeting(secretary, rows[0].code, { members: 3, present: 2, heldOn: monthsAgo(1) });
    // a meeting without quorum does not count as the quarterly meeting
    await councilMeeting(secretary, rows[0].code, { present: 1, heldOn: today() });

    const overdue = (await secretary.get('/api/councils?overdue=true')).json();
    expect(overdue.items.map((c: { id: string }) => c.id)).toEqual([late.council.id]);
    expect(overdue.items[0]).toMatchObject({ overdue: true, lastMeetingOn: monthsAgo(4), nextDueOn: monthsAgo(1) });
    expect(overdue.items[0].daysOverdue).toBeGreaterThanOrEqual(28);
    const all = (await secretary.get('/api/councils')).json().items;
    expect(all.find((c: { id: string }) => c.id === recent.council.id)).toMatchObject({ overdue: false, lastMeetingOn: monthsAgo(1) });
    expect((await secretary.get('/api/councils?reminders=true')).json().total).toBe(1);
    // another province sees none of them
    const { rows: provinces } = await db.pool.query(`SELECT code FROM org_unit WHERE kind = 'province' AND code NOT IN ('P10', 'P23') ORDER BY code LIMIT 1`);
    const other = await person('council_secretary', provinces[0].code);
    expect((await other.get('/api/councils')).json().total).toBe(0);
    expect((await other.get(`/api/councils/${late.council.id}`)).statusCode).toBe(404);
  });

  it('should number resolutions per fiscal year and keep amendments and revocations as history', async () => {
    const { db } = await testApp();
    const rey = await unitByCode(db.pool, 'C2303');
    const secretary = await person('council_secretary', 'C2303');
    const officer = await person('participation_officer', 'C2303');
    const { funds } = await fundUnit(officer, null, rey.id, [{ fundKind: 'general', amountRials: '5000000' }]);
    const { meeting } = await councilMeeting(secretary, 'C2303', { members: 5, present: 3 });
    const fy = today().slice(0, 4);
    const first = (await secretary.post(`/api/meetings/${meeting.id}/resolutions`, { text: 'برگزاری پویش اطعام در ماه رمضان' })).json();
    expect(first).toMatchObject({ number: `${fy}/1`, kind: 'decision', status: 'in_force', authorization: null });
    const second = (await secretary.post(`/api/meetings/${meeting.id}/resolutions`, {
      text: 'هزینه مسکن تا سقف یک میلیون تومان', authorization: { ceilingRials: '10000000', purposeCodes: ['housing'], ...periodAroundNow() },
    })).json();
    expect(second.number).toBe(`${fy}/2`);
    const bad = await secretary.post(`/api/meetings/${meeting.id}/resolutions`, { text: 'نامعتبر', authorization: { ceilingRials: '1', purposeCodes: ['casino'], ...periodAroundNow() } });
    expect(bad.json().error).toMatchObject({ code: 'RESOLUTION_PURPOSE_UNKNOWN', fields: [{ field: 'authorization.purposeCodes' }] });
    const badPeriod = await secretary.post(`/api/meetings/${meeting.id}/resolutions`, { text: 'نامعتبر', authorization: { ceilingRials: '1', purposeCodes: ['housing'], validFrom: '1405/12/01', validTo: '1405/01/01' } });
    expect(badPeriod.json().error.code).toBe('RESOLUTION_PERIOD_INVALID');

    const { meeting: later } = await councilMeeting(secretary, 'C2303', { present: 4 });
    const amended = await secretary.post(`/api/resolutions/${second.id}/amend`, {
      meetingId: later.id, text: 'افزایش سقف و افزودن معیشت', authorization: { ceilingRials: '15000000', purposeCodes: ['housing', 'livelihood'], ...periodAroundNow() },
    });
    expect(amended.statusCode, amended.body).toBe(201);
    expect(amended.json()).toMatchObject({ number: `${fy}/3`, kind: 'amendment', supersedesId: second.id, chainId: second.id, authorization: { ceilingRials: '15000000' } });
    expect(amended.json().history.map((h: { number: string; status: string }) => `${h.number} ${h.status}`)).toEqual([`${fy}/2 amended`, `${fy}/3 in_force`]);
    expect((await secretary.get(`/api/resolutions/${second.id}`)).json()).toMatchObject({ status: 'amended', supersededById: amended.json().id });
    const twice = await secretary.post(`/api/resolutions/${second.id}/amend`, { meetingId: later.id, text: 'اصلاح دوباره نسخه قدیمی' });
    expect(twice.json().error.code).toBe('RESOLUTION_SUPERSEDED');

    // a request under the amended resolution is allowed; once revoked, it is not
    const request = (await officer.post('/api/spending-requests', spendingBody(rey.id, funds.general!, { amountRials: '2000000' }))).json();
    expect(request.rules.find((r: { rule: string }) => r.rule === 'general_authority')).toMatchObject({ ok: true, authority: { number: `${fy}/3` } });
    const revoked = await secretary.post(`/api/resolutions/${amended.json().id}/revoke`, { meetingId: later.id, text: 'لغو مصوبه به دلیل تغییر اولویت‌ها' });
    expect(revoked.json()).toMatchObject({ number: `${fy}/4`, kind: 'revocation', status: 'revocation' });
    expect((await secretary.get(`/api/resolutions/${amended.json().id}`)).json().status).toBe('revoked');
    const refused = await officer.post(`/api/spending-requests/${request.request.id}/submit`, {});
    expect(refused.json().error.code).toBe('SPENDING_NOT_AUTHORIZED');
    const inForce = (await secretary.get('/api/resolutions?inForce=true')).json();
    expect(inForce.items.map((r: { number: string }) => r.number)).toEqual([`${fy}/1`]);
    const actions = await db.pool.query(`SELECT action FROM audit_log WHERE entity_type = 'council_resolution' ORDER BY id`);
    expect(actions.rows.map((r) => r.action)).toEqual(['council_resolution.pass', 'council_resolution.pass', 'council_resolution.amend', 'council_resolution.revoke']);
    // resolutions cannot be changed, even by a script on the application's connection
    await expect(db.pool.query(`UPDATE council_resolution SET text = 'x' WHERE id = $1`, [second.id])).rejects.toThrow();
  });

  it('should keep a meeting\'s attendance and attachments, and refuse what does not belong', async () => {
    const { db } = await testApp();
    const secretary = await person('council_secretary', 'C2310');
    const elsewhere = await person('council_secretary', 'C1010');
    const islamshahr = await unitByCode(db.pool, 'C2310');
    const council = (await secretary.post('/api/councils', { unitId: islamshahr.id, quorum: { kind: 'majority', minMembers: null, requiresChair: true } })).json();
    const members = [];
    for (const [i, role] of ['chair', 'secretary', 'member'].entries()) members.push((await secretary.post(`/api/councils/${council.id}/members`, { fullName: `عضو ${i + 1}`, role })).json());
    const meeting = (await secretary.post(`/api/councils/${council.id}/meetings`, { scheduledOn: today(), time: '16:30', agenda: 'گزارش عملکرد و تصمیم درباره مصارف' })).json();
    expect(meeting).toMatchObject({ status: 'scheduled', scheduledOn: today(), nextActions: ['edit', 'record_attendance', 'close', 'cancel', 'attach'] });
    const stranger = await secretary.post(`/api/meetings/${meeting.id}/attendance`, { entries: [{ memberId: '00000000-0000-4000-8000-000000000000', present: true }] });
    expect(stranger.json().error).toMatchObject({ code: 'MEETING_NOT_A_MEMBER', fields: [{ field: 'entries.0.memberId' }] });
    const att = await secretary.post(`/api/meetings/${meeting.id}/attendance`, { entries: [{ memberId: members[1].id, present: true }, { memberId: members[2].id, present: true }] });
    // two of three, but the chair is required and absent
    expect(att.json().quorum).toMatchObject({ met: false, presentCount: 2, required: 2, reasonFa: 'حضور رئیس شورا برای رسمیت جلسه لازم است.' });

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const up = await secretary.post(`/api/meetings/${meeting.id}/attachments`, { fileName: 'C:\\scans\\دعوتنامه.png', contentType: 'image/png', contentBase64: png.toString('base64') });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ fileName: 'دعوتنامه.png', sizeBytes: png.length });
    const file = await secretary.get(`/api/council-attachments/${up.json().id}`);
    expect(file.rawPayload.equals(png)).toBe(true);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('دعوتنامه.png'));
    expect((await elsewhere.get(`/api/council-attachments/${up.json().id}`)).statusCode).toBe(404);
    const huge = await secretary.post(`/api/meetings/${meeting.id}/attachments`, { fileName: 'big.pdf', contentType: 'application/pdf', contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1).toString('base64') });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('ATTACHMENT_TOO_LARGE');
    const exe = await secretary.post(`/api/meetings/${meeting.id}/attachments`, { fileName: 'x.exe', contentType: 'application/x-msdownload', contentBase64: 'AAAA' });
    expect(exe.json().error).toMatchObject({ code: 'ATTACHMENT_INVALID', fields: [{ field: 'contentType' }] });

    const closed = (await secretary.post(`/api/meetings/${meeting.id}/close`, { minutes: 'جلسه بدون حضور رئیس تشکیل شد.' })).json();
    expect(closed).toMatchObject({ status: 'held', quorumMet: false, presentCount: 2, memberCount: 3, heldOn: today() });
    expect(closed.attachments).toHaveLength(1);
    expect(closed.nextActions).toEqual(['attach']);
    expect((await secretary.post(`/api/meetings/${meeting.id}/close`, { minutes: 'دوباره' })).json().error.code).toBe('MEETING_NOT_SCHEDULED');
    expect((await secretary.post(`/api/councils/${council.id}/meetings`, { scheduledOn: '1405/13/01', agenda: 'نامعتبر' })).json().error).toMatchObject({ code: 'MEETING_DATE_INVALID', fields: [{ field: 'scheduledOn' }] });
  });
});
