import { z } from 'zod';
import { actorOf, contextOf } from '../../app.ts';
import { withTx } from '../../db/pool.ts';
import { errors, idParams, paging } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { acknowledgeCouncilReport } from './acknowledge-council-report.ts';
import { councilReport, councilReportRow } from './councils.schemas.ts';
import { createCouncilReport } from './create-council-report.ts';
import { getCouncilReport, listCouncilReports } from './list-council-reports.ts';
import { submitCouncilReport } from './submit-council-report.ts';
import { updateCouncilReport } from './update-council-report.ts';

const tags = ['council-reports'];
const half = z.union([z.literal(1), z.literal(2)]);

export async function councilReportRoutes(app: ZApp) {
  app.get('/api/council-reports', {
    config: { access: 'councils.read' },
    schema: {
      tags, summary: 'For a half-year (default: the last ended), every county and provincial council in scope with its report status; missing=true: who has not submitted',
      querystring: z.object({
        fiscalYear: z.coerce.number().int().min(1300).max(1600).optional(), half: z.coerce.number().int().min(1).max(2).optional(), unitId: z.uuid().optional(),
        level: z.enum(['provincial', 'county']).optional(), missing: z.stringbool().optional(), ...paging,
      }).strict(),
      response: {
        200: z.object({ period: z.object({ fiscalYear: z.number().int(), half: z.number().int(), fromOn: z.string(), toOn: z.string(), ended: z.boolean() }), items: z.array(councilReportRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
        ...errors,
      },
    },
  }, async (req) => listCouncilReports(app.pool, actorOf(req), { ...req.query, half: req.query.half as 1 | 2 | undefined }));

  app.post('/api/councils/:id/reports', {
    config: { access: 'reports.council' },
    schema: { tags, summary: 'Open the six-monthly report of a county or provincial council (figures generated from the data)', params: idParams, body: z.object({ fiscalYear: z.number().int().min(1300).max(1600), half }).strict(), response: { 201: councilReport, ...errors } },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => createCouncilReport(tx, contextOf(req), { councilId: req.params.id, fiscalYear: req.body.fiscalYear, half: req.body.half }))));

  app.get('/api/council-reports/:id', {
    config: { access: 'councils.read' },
    schema: { tags, summary: 'A six-monthly report with its figures (live while a draft)', params: idParams, response: { 200: councilReport, ...errors } },
  }, async (req) => getCouncilReport(app.pool, actorOf(req), req.params.id));

  app.patch('/api/council-reports/:id', {
    config: { access: 'reports.council' },
    schema: { tags, summary: 'Edit the narrative of a draft report', params: idParams, body: z.object({ narrative: z.string().max(20000) }).strict(), response: { 200: councilReport, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => updateCouncilReport(tx, contextOf(req), { id: req.params.id, narrative: req.body.narrative })));

  app.post('/api/council-reports/:id/submit', {
    config: { access: 'reports.council' },
    schema: { tags, summary: 'Send the report to the level above once the half-year has ended (figures are frozen)', params: idParams, response: { 200: councilReport, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => submitCouncilReport(tx, contextOf(req), { id: req.params.id })));

  app.post('/api/council-reports/:id/acknowledge', {
    config: { access: 'reports.council' },
    schema: { tags, summary: 'The level above acknowledges a submitted report', params: idParams, body: z.object({ note: z.string().trim().max(1000).optional() }).strict(), response: { 200: councilReport, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => acknowledgeCouncilReport(tx, contextOf(req), { id: req.params.id, note: req.body.note })));
}
