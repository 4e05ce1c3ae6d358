import { describe, expect, it } from 'vitest';
import { fakeUser, testPassword } from '../../testing/factories.ts';
import { signInAs, testApp } from '../../testing/test-app.ts';
import { loginLimits } from './sign-in.ts';

describe('staff sign-in', () => {
  it('should set an HttpOnly SameSite=Lax session cookie and return the user when the password is right', async () => {
    const { app, db } = await testApp();
    const u = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'C2303' });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username.toUpperCase(), password: testPassword } });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^msk_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const me = res.json();
    expect(me.user.username).toBe(u.username);
    expect(me.unit.code).toBe('C2303');
    expect(me.roles).toEqual([{ role: 'participation_officer', unitId: u.unit.id, unitName: 'شهرستان ری' }]);
    expect(me.permissions).toContain('org.read');
    expect(me.permissions).not.toContain('org.manage');
  });

  it('should refuse a wrong password with a Persian message and audit the failure', async () => {
    const { app, db } = await testApp();
    const u = await fakeUser(db.pool, { role: 'inspector' });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'wrong-password-1' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: 'نام کاربری یا گذرواژه درست نیست.' });
    const { rows } = await db.pool.query(`SELECT action, entity_id FROM audit_log WHERE action = 'auth.login_failed' AND entity_id = $1`, [u.id]);
    expect(rows).toHaveLength(1);
  });

  it('should issue a new session id at every sign-in', async () => {
    const { app, db } = await testApp();
    const u = await fakeUser(db.pool, { role: 'inspector' });
    const a = await signInAs(app, u.username, testPassword);
    const b = await signInAs(app, u.username, testPassword);
    expect(a.cookie).not.toBe(b.cookie);
    expect((await a.get('/api/me')).statusCode).toBe(200);
  });

  it('should lock an account for a while after too many failures, even with the right password', async () => {
    const { app, db } = await testApp();
    const u = await fakeUser(db.pool, { role: 'inspector' });
    for (let i = 0; i < loginLimits.perAccount; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'nope-nope-1' }, remoteAddress: `10.0.0.${i + 1}` });
      expect(r.statusCode).toBe(401);
    }
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: testPassword }, remoteAddress: '10.0.1.1' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('AUTH_RATE_LIMITED');
  });

  it('should limit failures per IP address across accounts', async () => {
    const { app } = await testApp();
    let last = 0;
    for (let i = 0; i <= loginLimits.perIp; i++) {
      last = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `ghost${i}`, password: 'nope-nope-1' }, remoteAddress: '192.0.2.77' })).statusCode;
    }
    expect(last).toBe(429);
  });

  it('should refuse a state change without the CSRF token', async () => {
    const { app, db } = await testApp();
    const u = await fakeUser(db.pool, { role: 'admin' });
    const s = await signInAs(app, u.username, testPassword);
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) } });
    expect(wrong.statusCode).toBe(403);
    expect((await s.get('/api/me')).statusCode).toBe(200);
  });

  it('should end the session at sign-out', async () => {
    const { app, db } = await testApp();
    const u = await fakeUser(db.pool, { role: 'inspector' });
    const s = await signInAs(app, u.username, testPassword);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(204);
    const after = await s.get('/api/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('should expire an idle session and an old one', async () => {
    const { app, db } = await testApp();
    const u = await fakeUser(db.pool, { role: 'inspector' });
    const idle = await signInAs(app, u.username, testPassword);
    await db.owner.query(`UPDATE staff_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [u.id]);
    expect((await idle.get('/api/me')).statusCode).toBe(401);
    const old = await signInAs(app, u.username, testPassword);
    await db.owner.query(`UPDATE staff_session SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND revoked_at IS NULL`, [u.id]);
    expect((await old.get('/api/me')).statusCode).toBe(401);
  });

  it('should refuse a disabled account', async () => {
    const { app, db } = await testApp();
    const u = await fakeUser(db.pool, { role: 'inspector' });
    await db.owner.query(`UPDATE staff_user SET status = 'disabled' WHERE id = $1`, [u.id]);
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: testPassword } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_ACCOUNT_DISABLED');
  });

  it('should look up concurrent requests\' sessions together and still refuse a signed-out one at once', async () => {
    const { app, db } = await testApp();
    const a = await fakeUser(db.pool, { role: 'participation_officer', unitCode: 'C2303' });
    const b = await fakeUser(db.pool, { role: 'inspector' });
    const sa = await signInAs(app, a.username, testPassword);
    const sb = await signInAs(app, b.username, testPassword);
    const gone = await signInAs(app, b.username, testPassword);
    expect((await gone.post('/api/auth/logout')).statusCode).toBe(204);
    const res = await Promise.all([sa, sb, gone, sa, sb, gone].map((s) => s.get('/api/me')));
    expect(res.map((r) => r.statusCode)).toEqual([200, 200, 401, 200, 200, 401]);
    // each request gets its own user, never its neighbour's
    expect(res.filter((r) => r.statusCode === 200).map((r) => r.json().user.username)).toEqual([a.username, b.username, a.username, b.username]);
  });
});
