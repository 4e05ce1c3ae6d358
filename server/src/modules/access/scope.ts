import type { Actor, SystemActor } from './actor.ts';
import type { Permission } from './permissions.ts';

/** Whether the actor holds `permission` at any unit on `unitPath` (root … unit). */
export function holdsAt(actor: Actor | SystemActor, permission: Permission, unitPath: readonly string[]): boolean {
  if (actor.kind === 'system') return true;
  const units = actor.scopes.get(permission);
  if (!units) return false;
  return units.some((u) => unitPath.includes(u));
}

/** Whether the actor holds `permission` anywhere at all (navigation, route-level gate). */
export function holdsAnywhere(actor: Actor | SystemActor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  return (actor.scopes.get(permission)?.length ?? 0) > 0;
}

/**
 * The subtree roots where the actor holds `permission`, for SQL filters of the form
 * `path && $scope::uuid[]`. The system actor gets null: no filter.
 */
export function scopeRoots(actor: Actor | SystemActor, permission: Permission): string[] | null {
  if (actor.kind === 'system') return null;
  return actor.scopes.get(permission) ?? [];
}
