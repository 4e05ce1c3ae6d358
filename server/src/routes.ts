import type { ZApp } from './http/types.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { geoRoutes } from './modules/geo/geo.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { donorRoutes } from './modules/donors/donors.routes.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import { contributionRoutes } from './modules/contributions/contributions.routes.ts';
import { receiptRoutes } from './modules/receipts/receipts.routes.ts';
import { councilRoutes } from './modules/councils/councils.routes.ts';
import { spendingRoutes } from './modules/spending/spending.routes.ts';
import { paymentRoutes } from './modules/payments/payments.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { ussdRoutes } from './modules/ussd/ussd.routes.ts';

/** Every module's routes; a module adds one line here. */
export async function registerRoutes(app: ZApp) {
  await systemRoutes(app);
  await authRoutes(app);
  await orgRoutes(app);
  await geoRoutes(app);
  await userRoutes(app);
  await donorRoutes(app);
  await auditRoutes(app);
  await dashboardRoutes(app);
  await ledgerRoutes(app);
  await contributionRoutes(app);
  await receiptRoutes(app);
  await councilRoutes(app);
  await spendingRoutes(app);
  await paymentRoutes(app);
  await portalRoutes(app);
  await ussdRoutes(app);
}
