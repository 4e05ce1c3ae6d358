import { toPersianDigits } from '@mosharekat/fa';
import { errorCatalog, type ErrorCode } from './error-catalog.ts';

export type { ErrorCode };
export type Lang = 'fa' | 'en';

export interface FieldError {
  field: string;
  /** A catalogue code when the message comes from the catalogue. */
  code?: string;
  message: { fa: string; en: string };
}

export interface AppErrorOptions {
  /** The request field the error concerns, e.g. 'nationalCode' or 'items.3.amountRials'. */
  field?: string;
  fields?: FieldError[];
  /** Values for {placeholders} in the message and for logs; never shown when the code is internal. */
  params?: Record<string, string | number | bigint | null | undefined>;
  /** Extra machine-readable data returned to the caller (e.g. the id of an existing duplicate). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error type of the application: a catalogue code plus what the caller needs to fix it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  readonly params: NonNullable<AppErrorOptions['params']>;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, opts: AppErrorOptions = {}) {
    super(code, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.params = opts.params ?? {};
    this.details = opts.details;
    const fields = [...(opts.fields ?? [])];
    if (opts.field) fields.push({ field: opts.field, code, message: messageOf(code, this.params) });
    this.fields = fields;
  }

  message_(lang: Lang): string {
    return messageOf(this.code, this.params)[lang];
  }
}

function interpolate(template: string, params: AppErrorOptions['params'] = {}, lang: Lang = 'en'): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined || v === null) return '';
    return lang === 'fa' ? toPersianDigits(String(v)) : String(v);
  });
}

export function messageOf(code: ErrorCode, params?: AppErrorOptions['params']): { fa: string; en: string } {
  const entry = errorCatalog[code];
  return { fa: interpolate(entry.fa, params, 'fa'), en: interpolate(entry.en, params, 'en') };
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
