import { describe, expect, it } from 'vitest';
import { testApp } from '../testing/test-app.ts';
import { permissions } from '../modules/access/permissions.ts';

// The only routes anyone may call without signing in. Adding one is a deliberate act.
const publicRoutes = new Set(['GET /healthz', 'GET /readyz', 'GET /api/openapi.json', 'POST /api/auth/login',
  // public receipt verification (by its unguessable code; no personal data)
  'GET /api/receipts/:code', 'GET /r/:code',
  // online giving (issue 7): the donor portal (its "me" routes check the donor's own session), the
  // gateway callback, the USSD aggregator's signed webhook, and the built-in sandbox gateway
  'GET /api/portal/catalogue', 'GET /api/portal/provinces/:id/counties', 'POST /api/portal/payments', 'GET /api/portal/payments/:id',
  'GET /api/portal/payments/:id/callback', 'GET /api/portal/payments/:id/receipt.pdf', 'POST /api/portal/otp', 'POST /api/portal/otp/verify',
  'GET /api/portal/me', 'GET /api/portal/me/gifts', 'GET /api/portal/me/gifts/:id/receipt.pdf', 'POST /api/portal/me/logout',
  'POST /api/ussd/callback',
  'POST /sandbox-gateway/pg/v4/payment/request.json', 'POST /sandbox-gateway/pg/v4/payment/verify.json',
  'GET /sandbox-gateway/pg/StartPay/:authority', 'POST /sandbox-gateway/pg/StartPay/:authority',
]);

describe('route access declarations', () => {
  it('should declare an access rule on every registered route', async () => {
    const { routes } = await testApp();
    const api = routes.filter((r) => !r.url.startsWith('/api/docs'));
    expect(api.length).toBeGreaterThan(10);
    const undeclared = api.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const unknown = api.filter((r) => r.access && !['public', 'session', ...permissions].includes(r.access));
    expect(unknown).toEqual([]);
  });

  it('should keep public routes to the explicit list', async () => {
    const { routes } = await testApp();
    const open = routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([...publicRoutes].sort());
  });

  it('should refuse every non-public route to an anonymous caller', async () => {
    const { app, routes } = await testApp();
    for (const r of routes.filter((x) => x.access !== 'public' && !x.url.startsWith('/api/docs'))) {
      const url = r.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await app.inject({ method: r.method as 'GET', url, payload: r.method === 'GET' ? undefined : {} });
      expect([401], `${r.method} ${r.url}`).toContain(res.statusCode);
    }
  });
});
