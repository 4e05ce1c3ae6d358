import { z } from 'zod';

/** Shared schema pieces for requests and responses. */
export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() }).strict();

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), code: z.string().optional(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    errorId: z.string().optional(),
  }),
});

/** Query-string paging: 1-based page, bounded page size. */
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** A money amount crosses JSON as a string of integer rials ("12500000"); never a number. */
export const rials = z.string().regex(/^(0|[1-9]\d{0,18})$/, 'FIELD_AMOUNT');

export const isoInstant = z.iso.datetime({ offset: true });

/** Common error answers, documented on every route. */
export const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 422: errorResponse, 429: errorResponse };
