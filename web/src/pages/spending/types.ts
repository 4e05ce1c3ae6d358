// Shapes of the spending and fund APIs, derived from the generated OpenAPI types by path.
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Ok<Op> = Op extends { responses: infer R } ? (R extends { 200: infer A } ? Json<A> : R extends { 201: infer C } ? Json<C> : never) : never;
export type Body<Op> = Op extends { requestBody?: infer RB } ? Json<NonNullable<RB>> : never;
export type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type SpendingPage = Ok<paths['/api/spending-requests']['get']>;
export type SpendingRequest = SpendingPage['items'][number];
export type SpendingQuery = Query<paths['/api/spending-requests']['get']>;
export type SpendingDetail = Ok<paths['/api/spending-requests/{id}']['get']>;
export type SpendingRule = SpendingDetail['rules'][number];
export type SpendingActionState = SpendingDetail['actions'][number];
export type SpendingAction = SpendingActionState['action'];
export type SpendingEvent = SpendingDetail['events'][number];
export type SpendingDocument = SpendingDetail['documents'][number];
export type SpendingStatus = SpendingRequest['status'];
export type NewSpending = Body<paths['/api/spending-requests']['post']>;
export type Authority = NonNullable<SpendingRequest['authority']>;

export type Catalogues = Ok<paths['/api/catalogues']['get']>;
export type CatalogueEntry = Catalogues['purposes'][number];
export type Balances = Ok<paths['/api/balances']['get']>;
export type FundBalance = Balances['funds'][number];

export const SPENDING_STATUSES = ['draft', 'submitted', 'ordered', 'approved', 'paid', 'rejected', 'cancelled', 'expired'] as const satisfies readonly SpendingStatus[];
export const AUTHORITIES = ['specific', 'resolution', 'delegation'] as const satisfies readonly Authority[];
export const SPENDING_ACTIONS = ['edit', 'submit', 'order', 'approve', 'reject', 'cancel', 'pay'] as const satisfies readonly SpendingAction[];
