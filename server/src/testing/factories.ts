import crypto from 'node:crypto';
import { searchKey } from '@mosharekat/fa';
import type { Pool } from '../db/pool.ts';
import { buildActor } from '../modules/access/actor.ts';
import type { Role } from '../modules/access/permissions.ts';
import { hashPassword } from '../modules/auth/passwords.ts';

export const testPassword = 'test-pass-1234';
let hashed: Promise<string> | null = null;

export async function unitByCode(pool: Pool, code: string): Promise<{ id: string; path: string[]; name: string }> {
  const { rows } = await pool.query<{ id: string; path: string[]; name: string }>('SELECT id, path, name FROM org_unit WHERE code = $1', [code]);
  if (!rows[0]) throw new Error(`no unit ${code}`);
  return rows[0];
}

/**
 * A staff user holding `role` at the unit with `unitCode` (default HQ), and the actor a session of
 * theirs would carry (for calling operations directly). Written straight to the tables, as a
 * fixture: the user-creation operation has tests of its own.
 */
export async function fakeUser(pool: Pool, opts: { role: Role; unitCode?: string; username?: string; fullName?: string }) {
  hashed ??= hashPassword(testPassword);
  const unit = await unitByCode(pool, opts.unitCode ?? 'HQ');
  const username = opts.username ?? `${opts.role}.${crypto.randomBytes(4).toString('hex')}`;
  const fullName = opts.fullName ?? `کاربر آزمایشی ${username}`;
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO staff_user (username, full_name, name_key, password_hash, unit_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [username, fullName, searchKey(fullName), await hashed, unit.id],
  );
  await pool.query('INSERT INTO role_assignment (user_id, role, unit_id) VALUES ($1, $2, $3)', [rows[0]!.id, opts.role, unit.id]);
  const id = rows[0]!.id;
  const actor = buildActor({ id, username, fullName, unitId: unit.id }, [{ role: opts.role, unitId: unit.id }]);
  return { id, username, password: testPassword, unit, actor };
}
