// Org units change rarely, and every unit picker on a page asks for the same children:
// keep the answers for the session (cleared on sign-out and after any change to the tree).
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { OrgUnit, OrgUnitDetail } from '../api/types';

const CHILD_PAGE_SIZE = 200; // the API's largest page
const cache = new Map<string, Promise<OrgUnit[]>>();

export function clearOrgCache(): void {
  cache.clear();
}

function remember<T extends OrgUnit[]>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit as Promise<T>;
  const promise = load();
  cache.set(key, promise);
  promise.catch(() => cache.delete(key));
  return promise;
}

/** The caller's own top unit(s): the roots of everything they may see. */
export function loadRootUnits(): Promise<OrgUnit[]> {
  return remember('roots', async () => {
    const page = await unwrap(api.GET('/api/org-units', { params: { query: { roots: 'true', pageSize: CHILD_PAGE_SIZE } } }));
    return page.items;
  });
}

/** All children of a unit (a province has a few dozen counties; HQ about thirty provinces). */
export function loadChildUnits(parentId: string, activeOnly: boolean): Promise<OrgUnit[]> {
  return remember(`children:${parentId}:${activeOnly ? 'active' : 'all'}`, async () => {
    const items: OrgUnit[] = [];
    for (let page = 1; page <= 20; page += 1) {
      const query = { parentId, page, pageSize: CHILD_PAGE_SIZE, ...(activeOnly ? { status: 'active' as const } : {}) };
      const answer = await unwrap(api.GET('/api/org-units', { params: { query } }));
      items.push(...answer.items);
      if (items.length >= answer.total || answer.items.length === 0) break;
    }
    return items;
  });
}

export function loadUnitDetail(id: string): Promise<OrgUnitDetail> {
  return unwrap(api.GET('/api/org-units/{id}', { params: { path: { id } } }));
}
