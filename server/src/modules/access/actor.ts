import type { Permission, Role } from './permissions.ts';
import { rolePermissions } from './permissions.ts';

export interface Grant {
  role: Role;
  unitId: string;
}

/** Who is acting: a signed-in staff user with the units where each of their permissions holds. */
export interface Actor {
  kind: 'staff';
  userId: string;
  username: string;
  fullName: string;
  homeUnitId: string;
  grants: Grant[];
  /** permission → the units (roots of subtrees) where the actor holds it */
  scopes: Map<Permission, string[]>;
}

/** The system itself (migrations, seeding, background jobs): not scoped, but still audited. */
export interface SystemActor {
  kind: 'system';
  name: string;
}

export function buildActor(user: { id: string; username: string; fullName: string; unitId: string }, grants: Grant[]): Actor {
  const scopes = new Map<Permission, string[]>();
  for (const g of grants) {
    for (const p of rolePermissions[g.role]) {
      const units = scopes.get(p) ?? [];
      if (!units.includes(g.unitId)) units.push(g.unitId);
      scopes.set(p, units);
    }
  }
  return { kind: 'staff', userId: user.id, username: user.username, fullName: user.fullName, homeUnitId: user.unitId, grants, scopes };
}

/** Context every operation receives: who, and the request it came from (for the audit row). */
export interface OpContext {
  actor: Actor | SystemActor;
  requestId: string | null;
  ip: string | null;
}

export function systemContext(name = 'system'): OpContext {
  return { actor: { kind: 'system', name }, requestId: null, ip: null };
}
