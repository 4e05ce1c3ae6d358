// Shapes of the donor API, derived from the generated OpenAPI types by path (like api/types.ts).
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: infer R } ? (R extends { 200: infer A } ? Json<A> : R extends { 201: infer C } ? Json<C> : R extends { 202: infer D } ? Json<D> : never) : never;
type Body<Op> = Op extends { requestBody?: infer RB } ? Json<NonNullable<RB>> : never;
type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Donor = Ok<paths['/api/donors/{id}']['get']>;
export type DonorListPage = Ok<paths['/api/donors']['get']>;
export type DonorListItem = DonorListPage['items'][number];
export type DonorListQuery = Query<paths['/api/donors']['get']>;
export type NewDonor = Body<paths['/api/donors']['post']>;
export type NewNaturalDonor = Extract<NewDonor, { type: 'natural' }>;
export type NewLegalDonor = Extract<NewDonor, { type: 'legal' }>;
export type DonorPatch = Body<paths['/api/donors/{id}']['patch']>;
export type DonorHistory = Ok<paths['/api/donors/{id}/history']['get']>['items'][number];
export type Revealed = Ok<paths['/api/donors/{id}/reveal']['post']>;
export type MergeRecord = Donor['mergeHistory'][number];
export type DuplicatePair = Ok<paths['/api/donors/duplicates']['get']>['items'][number];
export type DonorImport = Ok<paths['/api/donors/imports/{id}']['get']>;
export type DonorImportError = Ok<paths['/api/donors/imports/{id}/errors']['get']>['items'][number];
export type DonorCategory = Ok<paths['/api/donors/categories']['get']>['items'][number];
export type GeoDivision = Ok<paths['/api/geo']['get']>['items'][number];

export type DonorType = Donor['type'];
export type LegalType = NonNullable<Donor['legalType']>;
export type Gender = NonNullable<Donor['gender']>;
export type ContactChannel = NonNullable<Donor['preferredChannel']>;
export type RelationKind = Donor['relations'][number]['kind'];

export const DONOR_TYPES = ['natural', 'legal'] as const satisfies readonly DonorType[];
export const LEGAL_TYPES = ['company', 'charity', 'ngo', 'government', 'foundation', 'religious_board', 'association', 'university', 'municipality', 'other'] as const satisfies readonly LegalType[];
export const GENDERS = ['male', 'female'] as const satisfies readonly Gender[];
export const CONTACT_CHANNELS = ['sms', 'call', 'email', 'post', 'none'] as const satisfies readonly ContactChannel[];
export const RELATION_KINDS = ['employee_of', 'representative_of', 'family_of'] as const satisfies readonly RelationKind[];
