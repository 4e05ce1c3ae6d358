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

// Contributions and the fund ledger (issue 5).
export type Contribution = Ok<paths['/api/contributions/{id}']['get']>;
export type ContributionPage = Ok<paths['/api/contributions']['get']>;
export type ContributionQuery = Query<paths['/api/contributions']['get']>;
export type NewContribution = Body<paths['/api/contributions']['post']>;
export type Channel = NewContribution['channel'];
export type FundKind = NewContribution['fundKind'];
export type ContributionBatch = Ok<paths['/api/contribution-batches/{id}']['get']>;
export type NewBatch = Body<paths['/api/contribution-batches']['post']>;
export type BatchStub = Body<paths['/api/contribution-batches/{id}/items']['post']>;
export type ContributionImport = Ok<paths['/api/contribution-imports/{id}']['get']>;
export type ImportQuery = Query<paths['/api/contribution-imports']['post']>;
export type ImportChannel = ImportQuery['channel'];
export type ImportErrorRow = Ok<paths['/api/contribution-imports/{id}/errors']['get']>['items'][number];
export type Catalogues = Ok<paths['/api/catalogues']['get']>;
export type CatalogueEntry = Catalogues['purposes'][number];
export type Balances = Ok<paths['/api/balances']['get']>;
export type Statement = Ok<paths['/api/ledger-accounts/{id}/statement']['get']>;
export type StatementLine = Statement['lines'][number];
export type PendingPassDowns = Ok<paths['/api/pass-downs/pending']['get']>;
export type PendingPassDown = PendingPassDowns['items'][number];
export type ContributionReport = Ok<paths['/api/reports/contributions']['get']>;
export type DonorPage = Ok<paths['/api/donors']['get']>;
export type DonorSummary = DonorPage['items'][number];

/** Channels of a gift, in the order the record form offers them (cash at the counter first). */
export const CHANNELS = ['counter_cash', 'pos', 'card_to_card', 'bank_transfer', 'cheque', 'gateway', 'ussd', 'payroll', 'other'] as const satisfies readonly Channel[];
/** Channels a settlement file can come from (the import route's enum). */
export const IMPORT_CHANNELS = ['gateway', 'ussd', 'card_to_card', 'bank_transfer', 'pos', 'payroll'] as const satisfies readonly ImportChannel[];
export const FUND_KINDS = ['general', 'specific'] as const satisfies readonly FundKind[];
