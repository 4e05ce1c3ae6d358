import { PassThrough, Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, contextOf } from '../../app.ts';
import { withTx } from '../../db/pool.ts';
import { errors, idParams, pageOf, paging } from '../../http/schemas.ts';
import type { ZApp } from '../../http/types.ts';
import { AppError } from '../../lib/errors.ts';
import { createDonor } from './create-donor.ts';
import {
  createDonorBody, donor, donorImport, donorPage, duplicatePair, exportDonorsQuery, importError, listDonorsQuery, mergeRecord,
  revealed, updateDonorBody,
} from './donors.schemas.ts';
import { prepareDonorExport } from './export-donors.ts';
import { findDuplicates } from './find-duplicates.ts';
import { getDonor } from './get-donor.ts';
import { getDonorHistory } from './get-donor-history.ts';
import { getDonorImport, listDonorImports } from './import/get-donor-import.ts';
import { listImportErrors, writeImportErrorsXlsx } from './import/import-errors.ts';
import { writeImportTemplate } from './import/import-template.ts';
import { startDonorImport } from './import/start-donor-import.ts';
import { listDonorCategories } from './list-categories.ts';
import { listDonors } from './list-donors.ts';
import { mergeDonors } from './merge-donors.ts';
import { revealDonor } from './reveal-donor.ts';
import { updateDonor } from './update-donor.ts';

const tags = ['donors'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// what browsers send for .csv and .xlsx files (Windows labels .csv as vnd.ms-excel)
const importTypes = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', XLSX, 'application/octet-stream'];

/** Streams an Excel file produced by `write` into the reply; a failure midway cuts the download. */
function sendXlsx(req: FastifyRequest, reply: FastifyReply, fileName: string, write: (out: PassThrough) => Promise<unknown>) {
  const out = new PassThrough();
  write(out).catch((err: unknown) => {
    req.log.error({ err }, 'xlsx stream failed');
    out.destroy(err as Error);
  });
  return reply.type(XLSX)
    .header('content-disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(out);
}

export async function donorRoutes(app: ZApp) {
  app.get('/api/donors/categories', {
    config: { access: 'donors.read' },
    schema: { tags, summary: 'Donor categories (codes for `categories`)', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), labelFa: z.string(), labelEn: z.string() })) }), ...errors } },
  }, async () => listDonorCategories(app.pool));

  app.get('/api/donors', {
    config: { access: 'donors.read' },
    schema: {
      tags, summary: 'Search donors in the caller\'s units (name fragment, or exact national code / legal id / mobile); identifiers masked',
      querystring: listDonorsQuery, response: { 200: donorPage, ...errors },
    },
  }, async (req) => listDonors(app.pool, actorOf(req), req.query));

  app.post('/api/donors', {
    config: { access: 'donors.manage' },
    schema: {
      tags, summary: 'Register a natural or legal person (409 DONOR_DUPLICATE with details.existingId when visible to you)',
      body: createDonorBody, response: { 201: donor, ...errors },
    },
  }, async (req, reply) => reply.status(201).send(await withTx(app.pool, (tx) => createDonor(tx, contextOf(req), req.body))));

  app.get('/api/donors/export.xlsx', {
    config: { access: 'donors.read' },
    schema: {
      tags, summary: 'The listing as an Excel file (same filters); masked unless unmasked=true (donors.pii, audited)',
      querystring: exportDonorsQuery, description: `Answers 200 with ${XLSX} (streamed).`, response: { ...errors },
    },
  }, async (req, reply) => {
    // checks and the audit row come before the first byte, so a refusal is a proper JSON error
    const write = await prepareDonorExport(app.pool, contextOf(req), req.query);
    return sendXlsx(req, reply, 'donors.xlsx', write);
  });

  app.get('/api/donors/duplicates', {
    config: { access: 'donors.read' },
    schema: {
      tags, summary: 'Possible duplicates among the donors of a unit\'s subtree (same mobile, or similar name in the same county)',
      querystring: z.object({ unitId: z.uuid(), ...paging }).strict(), response: { 200: pageOf(duplicatePair), ...errors },
    },
  }, async (req) => withTx(app.pool, (tx) => findDuplicates(tx, actorOf(req), req.query)));

  app.get('/api/donors/import-template.xlsx', {
    config: { access: 'donors.import' },
    schema: { tags, summary: 'An empty import file with the column titles and two example rows', description: `Answers 200 with ${XLSX}.`, response: { ...errors } },
  }, async (req, reply) => sendXlsx(req, reply, 'donors-import-template.xlsx', (out) => writeImportTemplate(out)));

  // The import body is the file itself, streamed: only this route accepts these content types.
  await app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<ZodTypeProvider>();
    for (const type of importTypes) {
      // app.ts already streams text/csv and xlsx bodies; the other labels browsers use are added here only
      if (!scoped.hasContentTypeParser(type)) scoped.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
    }
    scoped.post('/api/donors/import', {
      config: { access: 'donors.import' },
      schema: {
        tags, summary: 'Upload a CSV or XLSX of donors (the raw file as the body); validates (dryRun=true) or imports in the background',
        description: 'Send the file as the request body with its content type (text/csv or the xlsx type), e.g. fetch(url, { method: "POST", body: file, headers: { "content-type": file.type || "text/csv", "x-csrf-token": … } }). Answers 202 with the import; poll GET /api/donors/imports/{id}. Rows that match an existing donor (same national code / legal id, or same name and mobile) only fill blank fields, so importing the same file again changes nothing.',
        consumes: importTypes,
        querystring: z.object({
          dryRun: z.stringbool().default(false),
          unitId: z.uuid().optional().meta({ description: 'registering unit of new donors; default: your home unit' }),
          fileName: z.string().max(200).optional(),
        }).strict(),
        body: z.any().meta({ description: 'the file', type: 'string', format: 'binary' }),
        response: { 202: donorImport, ...errors },
      },
    }, async (req, reply) => {
      if (!(req.body instanceof Readable)) throw new AppError('DONOR_IMPORT_FORMAT');
      const body = req.body;
      const created = await withTx(app.pool, (tx) => startDonorImport(tx, contextOf(req), { ...req.query, body }));
      return reply.status(202).send(created);
    });
  });

  app.get('/api/donors/imports', {
    config: { access: 'donors.import' },
    schema: { tags, summary: 'Recent imports in the caller\'s units', querystring: z.object({ ...paging }).strict(), response: { 200: pageOf(donorImport), ...errors } },
  }, async (req) => listDonorImports(app.pool, actorOf(req), req.query, req.lang));

  app.get('/api/donors/imports/:id', {
    config: { access: 'donors.import' },
    schema: { tags, summary: 'An import\'s status, progress and counts', params: idParams, response: { 200: donorImport, ...errors } },
  }, async (req) => getDonorImport(app.pool, actorOf(req), req.params.id, req.lang));

  app.get('/api/donors/imports/:id/errors', {
    config: { access: 'donors.import' },
    schema: {
      tags, summary: 'Per-row problems of an import (row number, column, message)', params: idParams,
      querystring: z.object({ ...paging }).strict(), response: { 200: pageOf(importError), ...errors },
    },
  }, async (req) => listImportErrors(app.pool, actorOf(req), req.params.id, req.query, req.lang));

  app.get('/api/donors/imports/:id/errors.xlsx', {
    config: { access: 'donors.import' },
    schema: { tags, summary: 'Per-row problems of an import as an Excel file', params: idParams, description: `Answers 200 with ${XLSX} (streamed): row, column, message.`, response: { ...errors } },
  }, async (req, reply) => {
    await getDonorImport(app.pool, actorOf(req), req.params.id); // 404 before the download starts
    return sendXlsx(req, reply, `import-errors-${req.params.id.slice(0, 8)}.xlsx`, (out) => writeImportErrorsXlsx(app.pool, actorOf(req), req.params.id, out));
  });

  app.get('/api/donors/:id', {
    config: { access: 'donors.read' },
    schema: { tags, summary: 'A donor\'s profile with relations, units and merge history (identifiers masked)', params: idParams, response: { 200: donor, ...errors } },
  }, async (req) => getDonor(app.pool, actorOf(req), req.params.id));

  app.get('/api/donors/:id/history', {
    config: { access: 'donors.read' },
    schema: {
      tags, summary: 'Changes made to a donor record', params: idParams,
      response: { 200: z.object({ items: z.array(z.object({ at: z.string(), action: z.string(), actorName: z.string().nullable(), summary: z.record(z.string(), z.unknown()) })) }), ...errors },
    },
  }, async (req) => getDonorHistory(app.pool, actorOf(req), req.params.id));

  app.patch('/api/donors/:id', {
    config: { access: 'donors.manage' },
    schema: { tags, summary: 'Edit a donor (absent: unchanged, null: cleared, lists replaced)', params: idParams, body: updateDonorBody, response: { 200: donor, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => updateDonor(tx, contextOf(req), { id: req.params.id, ...req.body })));

  app.post('/api/donors/:id/reveal', {
    config: { access: 'donors.pii' },
    schema: { tags, summary: 'The unmasked national code / legal id, mobiles and Sheba (audited)', params: idParams, response: { 200: revealed, ...errors } },
  }, async (req) => withTx(app.pool, (tx) => revealDonor(tx, contextOf(req), req.params.id)));

  app.post('/api/donors/:id/merge', {
    config: { access: 'donors.merge' },
    schema: {
      tags, summary: 'Merge a duplicate into this donor: blanks filled, every reference re-pointed, the duplicate kept as merged',
      params: idParams,
      body: z.object({ duplicateId: z.uuid(), reason: z.string().trim().max(500).optional() }).strict(),
      response: { 200: z.object({ survivor: donor, merge: mergeRecord }), ...errors },
    },
  }, async (req) => withTx(app.pool, (tx) => mergeDonors(tx, contextOf(req), { id: req.params.id, ...req.body })));
}
