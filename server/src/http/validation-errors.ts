import type { FastifySchemaValidationError } from 'fastify';
import { errorCatalog, type ErrorCode } from '../lib/error-catalog.ts';
import { messageOf, type FieldError } from '../lib/errors.ts';

type Params = Record<string, unknown>;

function fieldPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
}

function pick(issue: FastifySchemaValidationError): { code: ErrorCode; params?: Record<string, string | number> } {
  const p = (issue.params ?? {}) as Params;
  const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));
  switch (issue.keyword) {
    case 'invalid_type':
      return /received undefined/.test(issue.message ?? '') ? { code: 'FIELD_REQUIRED' } : { code: 'FIELD_INVALID' };
    case 'too_small':
      if (p.origin === 'string') return num(p.minimum) <= 1 ? { code: 'FIELD_REQUIRED' } : { code: 'FIELD_TOO_SHORT', params: { min: num(p.minimum) } };
      return { code: 'FIELD_TOO_SMALL', params: { min: num(p.minimum) } };
    case 'too_big':
      if (p.origin === 'string') return { code: 'FIELD_TOO_LONG', params: { max: num(p.maximum) } };
      return { code: 'FIELD_TOO_BIG', params: { max: num(p.maximum) } };
    case 'invalid_value':
      return { code: 'FIELD_ENUM' };
    case 'invalid_format': {
      const m = issue.message ?? '';
      if (m in errorCatalog) return { code: m as ErrorCode };
      return { code: p.format === 'uuid' ? 'FIELD_UUID' : 'FIELD_INVALID' };
    }
    case 'unrecognized_keys':
      return { code: 'FIELD_NOT_ALLOWED' };
    case 'custom': {
      // refinements carry a catalogue code as their message
      const m = issue.message ?? '';
      if (m in errorCatalog) return { code: m as ErrorCode };
      return { code: 'FIELD_INVALID' };
    }
    default:
      return { code: 'FIELD_INVALID' };
  }
}

/** Turns schema-validation issues into field errors with Persian and English messages. */
export function fieldErrorsFromValidation(issues: FastifySchemaValidationError[], context?: string): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const { code, params } = pick(issue);
    const p = (issue.params ?? {}) as Params;
    const base = fieldPath(issue.instancePath);
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(p.keys)) {
      for (const k of p.keys as string[]) out.push({ field: base ? `${base}.${k}` : k, code, message: messageOf(code) });
      continue;
    }
    out.push({ field: base || context || '', code, message: messageOf(code, params) });
  }
  return out;
}
