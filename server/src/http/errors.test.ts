import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { errorCatalog } from '../lib/error-catalog.ts';
import { testApp } from '../testing/test-app.ts';
import { testDb } from '../testing/test-db.ts';

describe('errors', () => {
  it('should have a Persian and an English message and a valid status for every code', () => {
    for (const [code, e] of Object.entries(errorCatalog)) {
      expect(e.fa, code).toMatch(/[\u0600-\u06FF]/);
      expect(e.en, code).toMatch(/[a-z]/i);
      expect(e.status, code).toBeGreaterThanOrEqual(400);
      expect(e.status, code).toBeLessThan(600);
    }
  });

  it('should answer a 500 with an error id and nothing of the cause when an unknown error is thrown', async () => {
    const db = await testDb();
    const { app } = await buildApp({ ...loadConfig({}), webDist: '/nonexistent' }, db.pool, { logger: false });
    app.get('/api/test/boom', { config: { access: 'public' } }, async () => {
      throw new Error('relation "secret_table" at /srv/app.ts:12');
    });
    const res = await app.inject({ method: 'GET', url: '/api/test/boom' });
    await app.close();
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).not.toContain('secret_table');
    expect(res.body).not.toContain('app.ts');
  });

  it('should name the fields in Persian when the body fails validation', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    const fields = Object.fromEntries(error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(Object.keys(fields).sort()).toEqual(['password', 'username']);
    expect(fields.username).toBe('این فیلد الزامی است.');
  });

  it('should answer in English when the caller asks for it', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' }, headers: { 'accept-language': 'en-US' } });
    expect(res.json().error.fields[0].message).toBe('This field is required.');
  });

  it('should answer 404 with a code for an unknown API path', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('should refuse a non-JSON body with 415 and change nothing', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: 'username=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('system routes', () => {
  it('should report health, readiness and an OpenAPI 3.1 document', async () => {
    const { app } = await testApp();
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/org-units/{id}');
    expect((await app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
