import { z } from 'zod';
import { actorOf, contextOf } from '../../app.ts';
import { runIdempotent } from '../../http/idempotency.ts';
import { errors, idParams, paging, rials } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { orgUnitSummary } from '../org/org.schemas.ts';
import { accountStatement } from './account-statement.ts';
import { getBalances } from './get-balances.ts';
import { passDown, pendingPassDowns } from './pass-down.ts';
import { listCatalogues } from './catalogues.ts';

const tags = ['ledger'];
const jalaliDay = z.string().trim().min(8).max(12);
const fundKind = z.enum(['general', 'specific']);

export async function ledgerRoutes(app: ZApp) {
  app.get('/api/catalogues', {
    config: { access: 'session' },
    schema: {
      tags, summary: 'Purposes (intents) and target groups',
      response: { 200: z.object({ purposes: z.array(z.object({ code: z.string(), labelFa: z.string(), labelEn: z.string() })), targetGroups: z.array(z.object({ code: z.string(), labelFa: z.string(), labelEn: z.string() })) }), ...errors },
    },
  }, async () => listCatalogues(app.pool));

  app.get('/api/balances', {
    config: { access: 'ledger.read' },
    schema: {
      tags, summary: 'Fund and custody balances of a unit, optionally rolled up over its subtree, optionally as of a Jalali day',
      querystring: z.object({ unitId: z.uuid().optional(), rollup: z.stringbool().default(false), asOf: jalaliDay.optional() }).strict(),
      response: {
        200: z.object({
          unit: orgUnitSummary, asOf: z.string().nullable(), rollup: z.boolean(),
          totals: z.object({ generalRials: rials, specificRials: rials, totalRials: rials }),
          byUnit: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), unitKind: z.string(), generalRials: rials, specificRials: rials, totalRials: rials })),
          funds: z.array(z.object({ fundId: z.uuid(), unitId: z.uuid(), unitName: z.string(), kind: fundKind, purposeCode: z.string(), targetGroupCode: z.string().nullable(), name: z.string(), balanceRials: rials, heldRials: rials, availableRials: rials })),
          custody: z.array(z.object({ accountId: z.uuid(), unitId: z.uuid(), unitName: z.string(), kind: z.string(), name: z.string(), bankName: z.string().nullable(), sheba: z.string().nullable(), balanceRials: rials })),
        }),
        ...errors,
      },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return getBalances(app.pool, actor, { unitId: req.query.unitId ?? actor.homeUnitId, rollup: req.query.rollup, asOf: req.query.asOf });
  });

  app.get('/api/ledger-accounts/:id/statement', {
    config: { access: 'ledger.read' },
    schema: {
      tags, summary: 'Statement of a custody account or fund with running balance', params: idParams,
      querystring: z.object({ from: jalaliDay.optional(), to: jalaliDay.optional(), ...paging, pageSize: z.coerce.number().int().min(1).max(1000).default(100) }).strict(),
      response: {
        200: z.object({
          account: z.object({ id: z.uuid(), kind: z.enum(['custody', 'fund']), name: z.string(), unitId: z.uuid(), unitName: z.string() }),
          from: z.string().nullable(), to: z.string().nullable(), openingRials: z.string(), closingRials: z.string(),
          lines: z.array(z.object({ journalId: z.string(), kind: z.string(), occurredAt: z.string(), description: z.string().nullable(), documentNo: z.string().nullable(), fundName: z.string(), inRials: rials, outRials: rials, runningRials: z.string() })),
          total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
        }),
        ...errors,
      },
    },
  }, async (req) => accountStatement(app.pool, actorOf(req), { accountId: req.params.id, ...req.query }));

  app.post('/api/pass-downs', {
    config: { access: 'ledger.transfer', idempotent: true },
    schema: {
      tags, summary: 'Province → county pass-down on a financial document (custody moves, earmark stays). Needs Idempotency-Key.',
      headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }).passthrough(),
      body: z.object({ countyUnitId: z.uuid(), documentNo: z.string().trim().min(1).max(50), documentDate: jalaliDay.optional(), items: z.array(z.object({ fundId: z.uuid(), amountRials: rials }).strict()).min(1).max(200) }).strict(),
      response: { 201: z.object({ id: z.uuid(), journalId: z.string(), provinceUnitId: z.uuid(), countyUnitId: z.uuid(), documentNo: z.string(), totalRials: rials }), ...errors },
    },
  }, async (req, reply) => runIdempotent(app.pool, req, reply, `${actorOf(req).userId}:pass-down`, async (tx) => ({
    status: 201,
    body: await passDown(tx, contextOf(req), { ...req.body, items: req.body.items.map((i) => ({ fundId: i.fundId, amountRials: BigInt(i.amountRials) })) }),
  })));

  app.get('/api/pass-downs/pending', {
    config: { access: 'ledger.read' },
    schema: {
      tags, summary: 'What a province still holds for each county and fund, and since when',
      querystring: z.object({ provinceUnitId: z.uuid().optional() }).strict(),
      response: {
        200: z.object({
          province: z.object({ id: z.uuid(), name: z.string() }), totalRials: rials,
          items: z.array(z.object({ countyUnitId: z.uuid(), countyName: z.string(), fundId: z.uuid(), fundName: z.string(), fundKind, fundUnitName: z.string(), heldRials: rials, since: z.string().nullable(), heldDays: z.number().int().nullable() })),
        }),
        ...errors,
      },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return pendingPassDowns(app.pool, actor, req.query.provinceUnitId ?? actor.homeUnitId);
  });
}
