import { searchKey } from '@mosharekat/fa';
import type { Pool } from '../db/pool.ts';
import { withTx } from '../db/pool.ts';
import { systemContext } from '../modules/access/actor.ts';
import type { Role } from '../modules/access/permissions.ts';
import { writeAudit } from '../modules/audit/write-audit.ts';
import { hashPassword } from '../modules/auth/passwords.ts';

export const demoPassword = 'demo1234';

interface DemoUser { username: string; fullName: string; unitCode: string; role: Role; description: string }

/** Province and county codes are 'P'/'C' + the Statistical Centre code. */
export const demoUsers: DemoUser[] = [
  { username: 'admin', fullName: 'مدیر سامانه ستاد', unitCode: 'HQ', role: 'admin', description: 'HQ administrator' },
  { username: 'inspector', fullName: 'بازرس ستاد', unitCode: 'HQ', role: 'inspector', description: 'HQ inspector (read-only)' },
  { username: 'tehran.officer', fullName: 'زهرا محمدی', unitCode: 'P23', role: 'participation_officer', description: 'participation officer, Tehran province' },
  { username: 'tehran.finance', fullName: 'علی رضایی', unitCode: 'P23', role: 'finance_officer', description: 'finance officer, Tehran province' },
  { username: 'isfahan.officer', fullName: 'مریم احمدی', unitCode: 'P10', role: 'participation_officer', description: 'participation officer, Isfahan province' },
  { username: 'isfahan.finance', fullName: 'حسین کریمی', unitCode: 'P10', role: 'finance_officer', description: 'finance officer, Isfahan province' },
  { username: 'rey.officer', fullName: 'فاطمه حسینی', unitCode: 'C2303', role: 'participation_officer', description: 'participation officer, Rey county (Tehran)' },
  { username: 'kashan.officer', fullName: 'محمدرضا نوری', unitCode: 'C1010', role: 'participation_officer', description: 'participation officer, Kashan county (Isfahan)' },
];

/** Welfare deputies inside units that may attract contributions of their own. */
const demoDepartments: { parentCode: string; name: string }[] = [
  { parentCode: 'HQ', name: 'معاونت مشارکت‌های مردمی' },
  { parentCode: 'HQ', name: 'معاونت توانبخشی' },
  { parentCode: 'P23', name: 'معاونت امور اجتماعی استان تهران' },
  { parentCode: 'P10', name: 'معاونت پیشگیری استان اصفهان' },
];

/** Demo users and departments; runs once (skips when the admin user exists). */
export async function loadDemoData(pool: Pool, log: (m: string) => void = () => {}): Promise<boolean> {
  const { rows } = await pool.query(`SELECT 1 FROM staff_user WHERE lower(username) = 'admin'`);
  if (rows.length) return false;
  const hash = await hashPassword(demoPassword);
  await withTx(pool, async (tx) => {
    const ctx = systemContext('demo-data');
    for (const d of demoDepartments) {
      const { rows: dep } = await tx.query<{ id: string }>(
        `INSERT INTO org_unit (id, code, kind, name, name_key, parent_id, path, depth)
         SELECT x.id, p.code || '-D' || nextval('org_unit_code_seq'), 'department', $2, $3, p.id, p.path || x.id, p.depth + 1
           FROM org_unit p, LATERAL (SELECT gen_random_uuid() AS id) x WHERE p.code = $1 RETURNING id`,
        [d.parentCode, d.name, searchKey(d.name)],
      );
      await writeAudit(tx, ctx, { action: 'org_unit.create', entityType: 'org_unit', entityId: dep[0]!.id, unitId: dep[0]!.id, summary: { name: d.name, demo: true } });
    }
    for (const u of demoUsers) {
      const { rows: created } = await tx.query<{ id: string; unit_id: string }>(
        `INSERT INTO staff_user (username, full_name, name_key, password_hash, unit_id)
         SELECT $1, $2, $3, $4, id FROM org_unit WHERE code = $5 RETURNING id, unit_id`,
        [u.username, u.fullName, searchKey(u.fullName), hash, u.unitCode],
      );
      const user = created[0];
      if (!user) throw new Error(`demo unit ${u.unitCode} is missing`);
      await tx.query('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3)', [user.id, u.role, user.unit_id]);
      await writeAudit(tx, ctx, { action: 'user.create', entityType: 'staff_user', entityId: user.id, unitId: user.unit_id, summary: { username: u.username, role: u.role, demo: true } });
    }
  });
  log(`created ${demoUsers.length} demo users`);
  return true;
}
