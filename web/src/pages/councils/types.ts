// Shapes of the council, meeting, resolution and council-report APIs, derived from the OpenAPI types.
import type { paths } from '../../api/schema';
import type { Body, Ok, Query } from '../spending/types';

export type CouncilPage = Ok<paths['/api/councils']['get']>;
export type Council = CouncilPage['items'][number];
export type CouncilQuery = Query<paths['/api/councils']['get']>;
export type CouncilDetail = Ok<paths['/api/councils/{id}']['get']>;
export type CouncilMember = CouncilDetail['members'][number];
export type MemberRole = CouncilMember['role'];
export type QuorumRule = Council['quorum'];
export type NewCouncil = Body<paths['/api/councils']['post']>;
export type NewMember = Body<paths['/api/councils/{id}/members']['post']>;
export type MeetingSummary = CouncilDetail['meetings'][number];
export type Meeting = Ok<paths['/api/meetings/{id}']['get']>;
export type MeetingAction = Meeting['nextActions'][number];
export type Resolution = Ok<paths['/api/resolutions/{id}']['get']>;
export type ResolutionListItem = Ok<paths['/api/resolutions']['get']>['items'][number];
export type ResolutionBody = Body<paths['/api/meetings/{id}/resolutions']['post']>;
export type Delegation = Ok<paths['/api/delegations']['get']>['items'][number];
export type CouncilReportList = Ok<paths['/api/council-reports']['get']>;
export type CouncilReportRow = CouncilReportList['items'][number];
export type CouncilReport = Ok<paths['/api/council-reports/{id}']['get']>;

export const MEMBER_ROLES = ['chair', 'secretary', 'member'] as const satisfies readonly MemberRole[];
