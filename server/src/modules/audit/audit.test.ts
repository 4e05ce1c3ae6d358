import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../config.ts';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { signInAs, testApp } from '../../testing/test-app.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const run = promisify(execFile);

describe('audit log', () => {
  it('should write an audit row in the same transaction as the change, and none when the change fails', async () => {
    const { app, db } = await testApp();
    const admin = await fakeUser(db.pool, { role: 'admin' });
    const s = await signInAs(app, admin.username, testPassword);
    const p10 = await unitByCode(db.pool, 'P10');
    const ok = await s.post('/api/org-units', { kind: 'department', name: 'معاونت حسابرسی', parentId: p10.id }, { 'x-request-id': 'req-audit-0001' });
    expect(ok.statusCode).toBe(201);
    const { rows } = await db.pool.query(`SELECT actor_id, unit_id, action, entity_id, summary, request_id, host(ip) AS ip FROM audit_log WHERE request_id = 'req-audit-0001'`);
    expect(rows).toEqual([{ actor_id: admin.id, unit_id: ok.json().id, action: 'org_unit.create', entity_id: ok.json().id, summary: expect.objectContaining({ name: 'معاونت حسابرسی' }), request_id: 'req-audit-0001', ip: '127.0.0.1' }]);

    const bad = await s.post('/api/org-units', { kind: 'county', name: 'شهرستان ناممکن', parentId: ok.json().id }, { 'x-request-id': 'req-audit-0002' });
    expect(bad.statusCode).toBe(422);
    const none = await db.pool.query(`SELECT 1 FROM audit_log WHERE request_id = 'req-audit-0002'`);
    expect(none.rowCount).toBe(0);
  });

  it('should forbid the application role to update or delete audit rows', async () => {
    const { db } = await testApp();
    await expect(db.pool.query(`UPDATE audit_log SET action = 'x' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/permission denied/);
    await expect(db.pool.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    await expect(db.pool.query(`INSERT INTO audit_seal (seq, audit_id, hash) VALUES (999999, 1, '\\x00')`)).rejects.toThrow(/permission denied/);
  });

  it('should forbid even the owner to update audit rows while the trigger is on', async () => {
    const { db } = await testApp();
    await expect(db.owner.query(`UPDATE audit_log SET action = 'x' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/append-only/);
  });

  it('should report the first edited row when someone tampers with the log', async () => {
    const { app, db } = await testApp();
    const admin = await fakeUser(db.pool, { role: 'admin' });
    const s = await signInAs(app, admin.username, testPassword);
    await s.get('/api/me');
    const before = await verifyAuditChain(db.pool);
    expect(before).toMatchObject({ ok: true, firstBadId: null });
    expect(before.checked).toBeGreaterThan(1);

    // a superuser with the trigger disabled rewrites history
    const { rows } = await db.owner.query<{ id: string }>(`SELECT id::text FROM audit_log WHERE action = 'auth.login' AND actor_id = $1`, [admin.id]);
    const victim = rows[0]!.id;
    const c = await db.owner.connect();
    try {
      await c.query('BEGIN');
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await c.query(`UPDATE audit_log SET summary = '{"forged": true}' WHERE id = $1`, [victim]);
      await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const after = await verifyAuditChain(db.pool);
    expect(after).toMatchObject({ ok: false, firstBadId: victim, reason: 'hash_mismatch' });

    const verify = await (await signInAs(app, admin.username, testPassword)).post('/api/audit/verify');
    expect(verify.json()).toMatchObject({ ok: false, firstBadId: victim });

    // the command-line check says the same and fails
    const cli = run('npx', ['tsx', path.join(repoRoot, 'server/src/cli/audit-verify.ts')], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: db.url } });
    await expect(cli).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`row ${victim}`) });
  });

  it('should list only the audit rows of the caller\'s subtree', async () => {
    const { app, db } = await testApp();
    const provAdmin = await fakeUser(db.pool, { role: 'admin', unitCode: 'P10' });
    const s = await signInAs(app, provAdmin.username, testPassword);
    const kashan = await unitByCode(db.pool, 'C1010');
    await s.post('/api/org-units', { kind: 'department', name: 'معاونت کاشان', parentId: kashan.id });
    const res = await s.get('/api/audit?pageSize=200');
    expect(res.statusCode).toBe(200);
    const units = new Set(res.json().items.map((i: { unitId: string }) => i.unitId));
    const { rows } = await db.pool.query<{ id: string }>(`SELECT id FROM org_unit WHERE path @> ARRAY[(SELECT id FROM org_unit WHERE code = 'P10')]`);
    const allowed = new Set(rows.map((r) => r.id));
    expect([...units].every((u) => allowed.has(u as string))).toBe(true);
    expect(res.json().total).toBeGreaterThan(0);
  });
});
