import { describe, expect, it } from 'vitest';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { signInAs, testApp } from '../../testing/test-app.ts';

describe('users and roles', () => {
  it('should let an admin create a user who can then sign in with the role at that unit', async () => {
    const { app, db } = await testApp();
    const admin = await fakeUser(db.pool, { role: 'admin', unitCode: 'P23' });
    const s = await signInAs(app, admin.username, testPassword);
    const rey = await unitByCode(db.pool, 'C2303');
    const res = await s.post('/api/users', { username: 'new.rey.finance', fullName: 'كاربر جديد', password: 'Secret123x', unitId: rey.id, roles: [{ role: 'finance_officer', unitId: rey.id }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'new.rey.finance', fullName: 'کاربر جدید', unit: { code: 'C2303' }, roles: [{ role: 'finance_officer', unitName: 'شهرستان ری' }] });
    const created = await signInAs(app, 'new.rey.finance', 'Secret123x');
    expect(created.me.unit.id).toBe(rey.id);
    const found = await s.get(`/api/users?q=${encodeURIComponent('كاربر')}`);
    expect(found.json().items.map((u: { username: string }) => u.username)).toContain('new.rey.finance');
  });

  it('should refuse a duplicate username, a weak password and a role outside the admin\'s subtree', async () => {
    const { app, db } = await testApp();
    const admin = await fakeUser(db.pool, { role: 'admin', unitCode: 'P23' });
    const s = await signInAs(app, admin.username, testPassword);
    const rey = await unitByCode(db.pool, 'C2303');
    const kashan = await unitByCode(db.pool, 'C1010');
    const dup = await s.post('/api/users', { username: admin.username.toUpperCase(), fullName: 'تکراری', password: 'Secret123x', unitId: rey.id, roles: [] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].field).toBe('username');
    const weak = await s.post('/api/users', { username: 'weak.user', fullName: 'ضعیف', password: 'aaaaaaaa', unitId: rey.id, roles: [] });
    expect(weak.json().error).toMatchObject({ code: 'USER_PASSWORD_WEAK', fields: [{ field: 'password' }] });
    const outside = await s.post('/api/users', { username: 'far.user', fullName: 'دور', password: 'Secret123x', unitId: rey.id, roles: [{ role: 'admin', unitId: kashan.id }] });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({ code: 'USER_ROLE_OUT_OF_SCOPE', fields: [{ field: 'roles.0.unitId' }] });
    const { rows } = await db.pool.query(`SELECT 1 FROM staff_user WHERE username IN ('weak.user', 'far.user')`);
    expect(rows).toHaveLength(0);
  });

  it('should end the sessions of a user who is disabled', async () => {
    const { app, db } = await testApp();
    const admin = await fakeUser(db.pool, { role: 'admin' });
    const victim = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'C1010' });
    const s = await signInAs(app, admin.username, testPassword);
    const v = await signInAs(app, victim.username, testPassword);
    const res = await s.patch(`/api/users/${victim.id}`, { status: 'disabled' });
    expect(res.json().status).toBe('disabled');
    expect((await v.get('/api/me')).statusCode).toBe(401);
    const self = await s.patch(`/api/users/${admin.id}`, { status: 'disabled' });
    expect(self.json().error.code).toBe('USER_SELF_LOCKOUT');
  });

  it('should replace roles and show them in the list filtered by role', async () => {
    const { app, db } = await testApp();
    const admin = await fakeUser(db.pool, { role: 'admin' });
    const u = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P10' });
    const s = await signInAs(app, admin.username, testPassword);
    const p10 = await unitByCode(db.pool, 'P10');
    const res = await s.patch(`/api/users/${u.id}`, { roles: [{ role: 'director', unitId: p10.id }, { role: 'council_secretary', unitId: p10.id }] });
    expect(res.json().roles.map((r: { role: string }) => r.role)).toEqual(['council_secretary', 'director']);
    const list = await s.get('/api/users?role=director');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(u.id);
  });

  it('should not show users of other provinces to a province inspector', async () => {
    const { app, db } = await testApp();
    const insp = await fakeUser(db.pool, { role: 'inspector', unitCode: 'P10' });
    await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P23', username: 'tehran.only.user' });
    const s = await signInAs(app, insp.username, testPassword);
    const res = await s.get('/api/users?pageSize=200');
    expect(res.json().items.map((x: { username: string }) => x.username)).not.toContain('tehran.only.user');
    const officer = await signInAs(app, (await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'P10' })).username, testPassword);
    expect((await officer.get('/api/users')).statusCode).toBe(403);
  });
});
