// One error type for everything the API answers with a 4xx/5xx, parsed from the server's error body.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly errorId: string | undefined;

  constructor(status: number, body: unknown) {
    const error = readErrorBody(body);
    super(error?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = error?.code ?? (status === 0 ? 'NETWORK' : 'UNKNOWN');
    this.fields = error?.fields ?? [];
    this.errorId = error?.errorId;
  }
}

interface ErrorShape {
  code?: string;
  message?: string;
  fields?: FieldError[];
  errorId?: string;
}

function readErrorBody(body: unknown): ErrorShape | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as Record<string, unknown>;
  const fields = Array.isArray(e.fields)
    ? e.fields.filter(
        (f): f is FieldError =>
          typeof f === 'object' && f !== null && typeof (f as FieldError).field === 'string',
      )
    : [];
  return {
    code: typeof e.code === 'string' ? e.code : undefined,
    message: typeof e.message === 'string' ? e.message : undefined,
    fields,
    errorId: typeof e.errorId === 'string' ? e.errorId : undefined,
  };
}

/**
 * Turns an openapi-fetch result into its data or a thrown ApiError, so callers write
 * `const me = await unwrap(api.GET('/api/me'))`.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch (cause) {
    // fetch itself failed: offline, server down, or the request was aborted.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, undefined);
  }
  if (!result.response.ok) throw new ApiError(result.response.status, result.error);
  return result.data as T;
}
