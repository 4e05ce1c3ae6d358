// The portal's API client: openapi-fetch over types generated from the server's OpenAPI document
// (npx tsx server/src/modules/portal/portal-api-types.ts). Persian answers; the donor session's
// CSRF token on state changes.
import createClient from 'openapi-fetch';
import type { paths } from './schema';

let csrfToken: string | null = null;
export function setDonorCsrf(token: string | null): void {
  csrfToken = token;
}

export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin });
api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', 'fa');
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

export interface FieldError {
  field: string;
  message: string;
}

/** An error answer of the API, with its Persian message and field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  constructor(status: number, body: unknown) {
    const e = (body as { error?: { code?: string; message?: string; fields?: FieldError[] } } | undefined)?.error;
    super(e?.message ?? (status === 0 ? 'ارتباط با سامانه برقرار نشد؛ اتصال اینترنت را بررسی کنید.' : 'خطایی رخ داد؛ دوباره تلاش کنید.'));
    this.status = status;
    this.code = e?.code ?? (status === 0 ? 'NETWORK' : 'UNKNOWN');
    this.fields = Array.isArray(e?.fields) ? e.fields : [];
  }
}

export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!result.response.ok) throw new ApiError(result.response.status, result.error);
  return result.data as T;
}
