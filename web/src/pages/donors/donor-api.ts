// Calls of the donor pages that need more than `unwrap(api.X(...))`: the 409 duplicate's existing
// id (error.details, which ApiError does not keep), Excel downloads that must show errors instead
// of navigating to a JSON page, the raw-file import upload, and the category list (cached).
import { useMemo } from 'react';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { useFormat } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import type { Donor, DonorCategory, DonorImport, DonorListQuery, DonorPatch, NewDonor } from './types';

/** An API error that also carries the body's `details` (DONOR_DUPLICATE names the existing donor). */
export class DonorApiError extends ApiError {
  readonly details: Record<string, unknown>;
  constructor(status: number, body: unknown) {
    super(status, body);
    const error = typeof body === 'object' && body !== null ? (body as { error?: { details?: unknown } }).error : undefined;
    this.details = typeof error?.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
  }

  /** For DONOR_DUPLICATE: the existing record's id when the caller may see it. */
  get existingId(): string | undefined {
    return typeof this.details.existingId === 'string' ? this.details.existingId : undefined;
  }
}

async function withDetails<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!result.response.ok) throw new DonorApiError(result.response.status, result.error);
  return result.data as T;
}

export function createDonor(body: NewDonor): Promise<Donor> {
  return withDetails(api.POST('/api/donors', { body }));
}

export function updateDonor(id: string, body: DonorPatch): Promise<Donor> {
  return withDetails(api.PATCH('/api/donors/{id}', { params: { path: { id } }, body }));
}

let categories: Promise<DonorCategory[]> | null = null;

function loadCategories(): Promise<DonorCategory[]> {
  if (!categories) {
    categories = unwrap(api.GET('/api/donors/categories')).then((answer) => answer.items);
    categories.catch(() => {
      categories = null;
    });
  }
  return categories;
}

/** Donor categories with labels in the page's language. */
export function useDonorCategories() {
  const f = useFormat();
  const { data } = useAsync(() => loadCategories(), []);
  return useMemo(() => {
    const items = data ?? [];
    const label = (code: string) => {
      const entry = items.find((c) => c.code === code);
      return entry ? (f.lang === 'fa' ? entry.labelFa : entry.labelEn) : code;
    };
    return { items, label, options: items.map((c) => ({ value: c.code, label: label(c.code) })) };
  }, [data, f.lang]);
}

/** Downloads the server's Excel of the listing with these filters (masked unless `unmasked`). */
export async function downloadDonorExport(query: Omit<DonorListQuery, 'page' | 'pageSize'>, unmasked: boolean): Promise<void> {
  const result = await api.GET('/api/donors/export.xlsx', { params: { query: { ...query, ...(unmasked ? { unmasked: 'true' } : {}) } }, parseAs: 'blob' });
  if (!result.response.ok) throw new ApiError(result.response.status, result.error);
  saveBlob(result.data as unknown as Blob, 'donors.xlsx');
}

/** Saves a blob as a file (lib/excel's helper would pull exceljs into this chunk). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Starts an import of the file itself as the body (text/csv or the xlsx type); the server answers 202. */
export async function startDonorImport(file: File, query: { dryRun: boolean; unitId: string }): Promise<DonorImport> {
  const isXlsx = /\.xlsx$/i.test(file.name) || file.type === XLSX;
  return unwrap(
    api.POST('/api/donors/import', {
      params: { query: { dryRun: String(query.dryRun), unitId: query.unitId, fileName: file.name.slice(0, 200) } },
      // The OpenAPI document types the body as a string; send the bytes as they are.
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'content-type': isXlsx ? XLSX : 'text/csv' },
    }),
  ) as Promise<DonorImport>;
}
