import { z } from 'zod';
import { actorOf, contextOf } from '../../app.ts';
import { withTx } from '../../db/pool.ts';
import { errors, idParams, pageOf, paging } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { addCouncilMember } from './add-council-member.ts';
import { addMeetingAttachment, ATTACHMENT_BODY_LIMIT, getMeetingAttachment } from './attachments.ts';
import { cancelMeeting } from './cancel-meeting.ts';
import { closeMeeting } from './close-meeting.ts';
import { councilReportRoutes } from './council-reports.routes.ts';
import { attachmentBody, attachmentMeta, council, councilLevel, meeting, meetingSummary, member, memberRole, quorumRule } from './councils.schemas.ts';
import { createCouncil } from './create-council.ts';
import { endCouncilMembership } from './end-council-membership.ts';
import { getCouncil } from './get-council.ts';
import { getMeeting, listMeetings } from './get-meeting.ts';
import { listCouncils } from './list-councils.ts';
import { recordAttendance } from './record-attendance.ts';
import { resolutionRoutes } from './resolutions.routes.ts';
import { scheduleMeeting } from './schedule-meeting.ts';
import { updateCouncil } from './update-council.ts';
import { updateMeeting } from './update-meeting.ts';

const tags = ['councils'];
const day = z.string().trim().min(8).max(12);
const time = z.string().trim().regex(/^\d{1,2}:\d{2}$/, 'FIELD_INVALID');

export async function councilRoutes(app: ZApp) {
  app.get('/api/councils', {
    config: { access: 'councils.read' },
    schema: {
      tags, summary: 'Councils in scope with their quarterly-meeting duty (overdue=true: only overdue; reminders=true: overdue or due within two weeks)',
      querystring: z.object({ unitId: z.uuid().optional(), level: councilLevel.optional(), overdue: z.stringbool().optional(), reminders: z.stringbool().optional(), ...paging }).strict(),
      response: { 200: pageOf(council), ...errors },
    },
  }, async (req) => listCouncils(app.pool, actorOf(req), req.query));

  app.post('/api/councils', {
    config: { access: 'councils.manage' },
    schema: {
      tags, summary: 'Form the council of an HQ, province or county unit (one per unit)',
      body: z.object({ unitId: z.uuid(), name: z.string().trim().min(3).max(200).optional(), quorum: quorumRule.strict().optional() }).strict(),
      response: { 201: council, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => createCouncil(tx, contextOf(req), req.body))));

  app.get('/api/councils/:id', {
    config: { access: 'councils.read' },
    schema: {
      tags, summary: 'A council with its members (past ones too), its last meetings and what the caller may do', params: idParams,
      response: { 200: z.object({ council, members: z.array(member), meetings: z.array(meetingSummary), nextActions: z.array(z.enum(['edit', 'add_member', 'schedule_meeting', 'report'])) }), ...errors },
    },
  }, async (req) => getCouncil(app.pool, actorOf(req), req.params.id));

  app.patch('/api/councils/:id', {
    config: { access: 'councils.manage' },
    schema: { tags, summary: 'Rename a council or change its quorum rule', params: idParams, body: z.object({ name: z.string().trim().min(3).max(200).optional(), quorum: quorumRule.strict().optional() }).strict(), response: { 200: council, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => updateCouncil(tx, contextOf(req), { id: req.params.id, ...req.body })));

  app.post('/api/councils/:id/members', {
    config: { access: 'councils.manage' },
    schema: {
      tags, summary: 'Seat a staff user (staffUserId) or an outside person (fullName, organization) on the council', params: idParams,
      body: z.object({ staffUserId: z.uuid().optional(), fullName: z.string().trim().min(3).max(200).optional(), organization: z.string().trim().max(200).optional(), role: memberRole }).strict(),
      response: { 201: member, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => addCouncilMember(tx, contextOf(req), { councilId: req.params.id, ...req.body }))));

  app.post('/api/council-members/:id/end', {
    config: { access: 'councils.manage' },
    schema: { tags, summary: 'End a membership (the person stays in past attendance)', params: idParams, body: z.object({ reason: z.string().trim().max(500).optional() }).strict(), response: { 200: member, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => endCouncilMembership(tx, contextOf(req), { memberId: req.params.id, reason: req.body.reason })));

  app.get('/api/councils/:id/meetings', {
    config: { access: 'councils.read' },
    schema: { tags, summary: 'Meetings of a council, newest first', params: idParams, querystring: z.object({ status: z.enum(['scheduled', 'held', 'cancelled']).optional(), ...paging }).strict(), response: { 200: pageOf(meetingSummary), ...errors } },
  }, async (req) => listMeetings(app.pool, actorOf(req), { councilId: req.params.id, ...req.query }));

  app.post('/api/councils/:id/meetings', {
    config: { access: 'councils.manage' },
    schema: {
      tags, summary: 'Schedule a meeting (Jalali day, Tehran time, default 10:00)', params: idParams,
      body: z.object({ scheduledOn: day, time: time.optional(), location: z.string().trim().max(300).optional(), agenda: z.string().trim().min(3).max(5000) }).strict(),
      response: { 201: meeting, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => scheduleMeeting(tx, contextOf(req), { councilId: req.params.id, ...req.body }))));

  app.get('/api/meetings/:id', {
    config: { access: 'councils.read' },
    schema: { tags, summary: 'A meeting: attendance, quorum, attachments, resolutions, next actions', params: idParams, response: { 200: meeting, ...errors } },
  }, async (req) => getMeeting(app.pool, actorOf(req), req.params.id));

  app.patch('/api/meetings/:id', {
    config: { access: 'councils.manage' },
    schema: {
      tags, summary: 'Change a scheduled meeting', params: idParams,
      body: z.object({ scheduledOn: day.optional(), time: time.optional(), location: z.string().trim().max(300).optional(), agenda: z.string().trim().min(3).max(5000).optional() }).strict(),
      response: { 200: meeting, ...errors },
    },
  }, async (req) => withTx(app.pool, (tx) => updateMeeting(tx, contextOf(req), { id: req.params.id, ...req.body })));

  app.post('/api/meetings/:id/attendance', {
    config: { access: 'councils.manage' },
    schema: {
      tags, summary: 'Record attendance of sitting members (before closing)', params: idParams,
      body: z.object({ entries: z.array(z.object({ memberId: z.uuid(), present: z.boolean(), note: z.string().trim().max(300).optional() }).strict()).min(1).max(100) }).strict(),
      response: { 200: meeting, ...errors },
    },
  }, async (req) => withTx(app.pool, (tx) => recordAttendance(tx, contextOf(req), { meetingId: req.params.id, entries: req.body.entries })));

  app.post('/api/meetings/:id/close', {
    config: { access: 'councils.manage' },
    schema: {
      tags, summary: 'Record the meeting as held with its minutes; quorum is computed from the attendance and frozen', params: idParams,
      body: z.object({ heldOn: day.optional(), minutes: z.string().trim().min(3).max(20000) }).strict(),
      response: { 200: meeting, ...errors },
    },
  }, async (req) => withTx(app.pool, (tx) => closeMeeting(tx, contextOf(req), { id: req.params.id, ...req.body })));

  app.post('/api/meetings/:id/cancel', {
    config: { access: 'councils.manage' },
    schema: { tags, summary: 'Call off a scheduled meeting', params: idParams, body: z.object({ reason: z.string().trim().min(3).max(500) }).strict(), response: { 200: meeting, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => cancelMeeting(tx, contextOf(req), { id: req.params.id, reason: req.body.reason })));

  app.post('/api/meetings/:id/attachments', {
    config: { access: 'councils.manage' },
    bodyLimit: ATTACHMENT_BODY_LIMIT,
    schema: { tags, summary: 'Attach a file (base64 in JSON, at most 5 MB: PDF, images, Office documents)', params: idParams, body: attachmentBody, response: { 201: attachmentMeta, ...errors } },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => addMeetingAttachment(tx, contextOf(req), { meetingId: req.params.id, ...req.body }))));

  app.get('/api/council-attachments/:id', {
    config: { access: 'councils.read' },
    schema: { tags, summary: 'Download a meeting attachment', params: idParams, response: { ...errors } },
  }, async (req, reply) => {
    const f = await getMeetingAttachment(app.pool, actorOf(req), req.params.id);
    return reply.type(f.contentType).header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).send(f.content as never);
  });

  await resolutionRoutes(app);
  await councilReportRoutes(app);
}
