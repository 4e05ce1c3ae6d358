import type { Queryable } from '../../db/pool.ts';
import type { Actor, SystemActor } from '../access/actor.ts';
import { buildDonorDto } from './donor-dto.ts';
import { loadDonor } from './donor-scope.ts';

/**
 * A donor's profile with its relations, units and merge history (identifiers masked). A merged
 * record is still returned, with status 'merged' and mergedIntoId, so old links keep working.
 * Contributions and pledges are listed by their own modules (filter by donor id).
 */
export async function getDonor(db: Queryable, actor: Actor | SystemActor, id: string) {
  return buildDonorDto(db, actor, await loadDonor(db, actor, id, 'donors.read'));
}
