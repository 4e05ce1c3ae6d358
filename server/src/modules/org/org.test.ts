import { describe, expect, it } from 'vitest';
import { fakeUser, testPassword, unitByCode } from '../../testing/factories.ts';
import { signInAs, testApp } from '../../testing/test-app.ts';

async function as(role: Parameters<typeof fakeUser>[1]['role'], unitCode: string) {
  const { app, db } = await testApp();
  const u = await fakeUser(db.pool, { role, unitCode });
  return signInAs(app, u.username, testPassword);
}

describe('organization tree (reference data)', () => {
  it('should hold HQ, 31 provinces and 448 counties linked to their geography', async () => {
    const { db } = await testApp();
    const { rows } = await db.pool.query(`SELECT kind, count(*)::int AS n, count(geo_id)::int AS linked FROM org_unit GROUP BY kind ORDER BY kind`);
    expect(rows).toEqual([
      { kind: 'county', n: 448, linked: 448 },
      { kind: 'hq', n: 1, linked: 0 },
      { kind: 'province', n: 31, linked: 31 },
    ]);
    const geo = await db.pool.query(`SELECT level, count(*)::int AS n FROM geo_division GROUP BY level ORDER BY level`);
    expect(Object.fromEntries(geo.rows.map((r) => [r.level, r.n]))).toEqual({
      city: 1554, county: 448, district: 1099, province: 31, rural_district: 2637, village: 98100,
    });
  });
});

describe('org unit scope', () => {
  it('should show a county officer only their county', async () => {
    const s = await as('participation_officer', 'C2303');
    const res = await s.get('/api/org-units?pageSize=200');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0].code).toBe('C2303');
    expect(body.items[0].name).toBe('شهرستان ری');
  });

  it('should show a province officer the province and its counties', async () => {
    const { db } = await testApp();
    const s = await as('participation_officer', 'P10');
    const res = await s.get('/api/org-units?pageSize=200');
    const body = res.json();
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM org_unit WHERE kind = 'county' AND code LIKE 'C10%'`);
    expect(body.total).toBe(1 + rows[0].n);
    expect(body.items.every((u: { code: string }) => u.code === 'P10' || u.code.startsWith('C10'))).toBe(true);
  });

  it('should answer 404 for a unit outside the caller\'s subtree, exactly like a missing one', async () => {
    const { db } = await testApp();
    const s = await as('participation_officer', 'C2303');
    const kashan = await unitByCode(db.pool, 'C1010');
    const res = await s.get(`/api/org-units/${kashan.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ORG_UNIT_NOT_FOUND');
    const missing = await s.get('/api/org-units/00000000-0000-4000-8000-000000000000');
    expect(missing.json()).toEqual(res.json());
  });

  it('should return the path from HQ to a unit', async () => {
    const { db } = await testApp();
    const s = await as('inspector', 'HQ');
    const rey = await unitByCode(db.pool, 'C2303');
    const res = await s.get(`/api/org-units/${rey.id}`);
    expect(res.json().path.map((p: { code: string }) => p.code)).toEqual(['HQ', 'P23', 'C2303']);
  });

  it('should find units by Persian-normalised text when typed with Arabic letters', async () => {
    const s = await as('inspector', 'HQ');
    // Arabic kaf and yeh: "كاشان" must find «کاشان»
    const res = await s.get(`/api/org-units?q=${encodeURIComponent('كاشان')}`);
    expect(res.json().items.map((u: { code: string }) => u.code)).toContain('C1010');
  });

  it('should give the roots of the caller\'s scope for the unit picker', async () => {
    const s = await as('finance_officer', 'P23');
    const res = await s.get('/api/org-units?roots=true');
    expect(res.json().items.map((u: { code: string }) => u.code)).toEqual(['P23']);
  });
});

describe('org unit administration', () => {
  it('should add, rename, move, split and retire units without losing history', async () => {
    const { db } = await testApp();
    const admin = await as('admin', 'HQ');
    const p10 = await unitByCode(db.pool, 'P10');
    const p23 = await unitByCode(db.pool, 'P23');

    const created = await admin.post('/api/org-units', { kind: 'county', name: 'شهرستان نمونه', parentId: p10.id, amarCode: '1099' });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ code: 'C1099', kind: 'county', status: 'active', parentId: p10.id });

    const dep = await admin.post('/api/org-units', { kind: 'department', name: 'معاونت نمونه', parentId: unit.id });
    expect(dep.statusCode).toBe(201);

    const renamed = await admin.patch(`/api/org-units/${unit.id}`, { name: 'شهرستان تازه' });
    expect(renamed.json().name).toBe('شهرستان تازه');

    const moved = await admin.patch(`/api/org-units/${unit.id}`, { parentId: p23.id });
    expect(moved.statusCode).toBe(200);
    const path = (await admin.get(`/api/org-units/${dep.json().id}`)).json().path.map((p: { code: string }) => p.code);
    expect(path).toEqual(['HQ', 'P23', 'C1099', dep.json().code]);

    const refused = await admin.post(`/api/org-units/${unit.id}/retire`, { reason: 'ادغام' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ORG_UNIT_HAS_ACTIVE_CHILDREN');

    const split = await admin.post(`/api/org-units/${unit.id}/split`, { parts: [{ name: 'شهرستان الف' }, { name: 'شهرستان ب' }], reason: 'تقسیم کشوری ۱۴۰۴', childrenTo: 1 });
    expect(split.statusCode).toBe(200);
    const { created: parts, retired } = split.json();
    expect(retired).toMatchObject({ status: 'retired', successorIds: parts.map((p: { id: string }) => p.id) });
    const depNow = (await admin.get(`/api/org-units/${dep.json().id}`)).json();
    expect(depNow.unit.parentId).toBe(parts[1].id);

    // the retired unit is still there and reportable
    const still = await admin.get(`/api/org-units/${unit.id}`);
    expect(still.statusCode).toBe(200);
    const history = (await admin.get(`/api/org-units/${unit.id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(history).toEqual(expect.arrayContaining(['org_unit.create', 'org_unit.rename', 'org_unit.move', 'org_unit.retire', 'org_unit.split']));

    const renameRetired = await admin.patch(`/api/org-units/${unit.id}`, { name: 'دوباره' });
    expect(renameRetired.json().error.code).toBe('ORG_UNIT_RETIRED');
  });

  it('should refuse a move under its own subtree and a county under HQ', async () => {
    const { db } = await testApp();
    const admin = await as('admin', 'HQ');
    const p10 = await unitByCode(db.pool, 'P10');
    const kashan = await unitByCode(db.pool, 'C1010');
    const cycle = await admin.patch(`/api/org-units/${p10.id}`, { parentId: kashan.id });
    expect(cycle.statusCode).toBe(422);
    const hq = await unitByCode(db.pool, 'HQ');
    const bad = await admin.post('/api/org-units', { kind: 'county', name: 'شهرستان بی‌استان', parentId: hq.id });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'ORG_UNIT_INVALID_PARENT', fields: [{ field: 'parentId' }] });
  });

  it('should refuse unit changes to a non-admin and leave no trace', async () => {
    const { db } = await testApp();
    const officer = await as('participation_officer', 'P10');
    const p10 = await unitByCode(db.pool, 'P10');
    const before = await db.pool.query(`SELECT count(*)::int AS n FROM org_unit`);
    const res = await officer.post('/api/org-units', { kind: 'department', name: 'واحد غیرمجاز', parentId: p10.id });
    expect(res.statusCode).toBe(403);
    const after = await db.pool.query(`SELECT count(*)::int AS n FROM org_unit`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('should confine a province admin to the province', async () => {
    const { db } = await testApp();
    const admin = await as('admin', 'P10');
    const p23 = await unitByCode(db.pool, 'P23');
    const res = await admin.post('/api/org-units', { kind: 'county', name: 'شهرستان دیگر', parentId: p23.id });
    expect(res.statusCode).toBe(404);
  });
});
