// Shapes of the API, derived from the generated OpenAPI types (schema.d.ts) by path, so they follow
// whatever the server publishes without depending on its component names.
import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer C }
      ? Json<C>
      : never
  : never;
type Body<Op> = Op extends { requestBody?: infer RB } ? Json<NonNullable<RB>> : never;
type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Me = Ok<paths['/api/me']['get']>;
export type OrgUnitPage = Ok<paths['/api/org-units']['get']>;
export type OrgUnit = OrgUnitPage['items'][number];
export type OrgUnitSummary = Me['unit'];
export type OrgUnitKind = OrgUnitSummary['kind'];
export type OrgUnitDetail = Ok<paths['/api/org-units/{id}']['get']>;
export type OrgUnitHistory = Ok<paths['/api/org-units/{id}/history']['get']>;
export type OrgUnitQuery = Query<paths['/api/org-units']['get']>;
export type NewOrgUnit = Body<paths['/api/org-units']['post']>;
export type SplitRequest = Body<paths['/api/org-units/{id}/split']['post']>;

export type UserPage = Ok<paths['/api/users']['get']>;
export type User = UserPage['items'][number];
export type UserQuery = Query<paths['/api/users']['get']>;
export type NewUser = Body<paths['/api/users']['post']>;
export type UserPatch = Body<paths['/api/users/{id}']['patch']>;
export type Role = User['roles'][number]['role'];

export type AuditPage = Ok<paths['/api/audit']['get']>;
export type AuditEntry = AuditPage['items'][number];
export type AuditQuery = Query<paths['/api/audit']['get']>;
export type AuditVerification = Ok<paths['/api/audit/verify']['post']>;

export type Dashboard = Ok<paths['/api/dashboard']['get']>;

/** A page of any list endpoint. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const ROLES = [
  'participation_officer',
  'finance_officer',
  'council_secretary',
  'director',
  'inspector',
  'admin',
] as const satisfies readonly Role[];

export const UNIT_KINDS = ['hq', 'province', 'county', 'department'] as const satisfies readonly OrgUnitKind[];
