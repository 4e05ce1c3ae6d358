import type { ZApp } from './http/types.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { geoRoutes } from './modules/geo/geo.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import { contributionRoutes } from './modules/contributions/contributions.routes.ts';
import { receiptRoutes } from './modules/receipts/receipts.routes.ts';

/** Every module's routes; a module adds one line here. */
export async function registerRoutes(app: ZApp) {
  await systemRoutes(app);
  await authRoutes(app);
  await orgRoutes(app);
  await geoRoutes(app);
  await userRoutes(app);
  await auditRoutes(app);
  await dashboardRoutes(app);
  await ledgerRoutes(app);
  await contributionRoutes(app);
  await receiptRoutes(app);
}
