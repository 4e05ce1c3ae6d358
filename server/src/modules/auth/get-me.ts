import type { Queryable } from '../../db/pool.ts';
import type { Actor } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';
import type { MeDto } from './auth.schemas.ts';

/** What the web app needs about the signed-in user: identity, home unit, roles and permissions. */
export async function getMe(db: Queryable, actor: Actor, csrfToken: string): Promise<MeDto> {
  const unitIds = [actor.homeUnitId, ...actor.grants.map((g) => g.unitId)];
  const { rows } = await db.query<{ id: string; kind: MeDto['unit']['kind']; name: string; code: string }>(
    'SELECT id, kind, name, code FROM org_unit WHERE id = ANY($1::uuid[])',
    [unitIds],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const { rows: u } = await db.query<{ locale: 'fa' | 'en' }>('SELECT locale FROM staff_user WHERE id = $1', [actor.userId]);
  const home = byId.get(actor.homeUnitId)!;
  return {
    user: { id: actor.userId, username: actor.username, fullName: actor.fullName, locale: u[0]?.locale ?? 'fa' },
    unit: { id: home.id, kind: home.kind, name: home.name, code: home.code },
    roles: actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: byId.get(g.unitId)?.name ?? '' })),
    permissions: [...actor.scopes.keys()].sort() as Permission[],
    csrfToken,
  };
}
