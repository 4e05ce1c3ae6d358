import { commonErrors } from './common.errors.ts';
import { authErrors } from '../modules/auth/auth.errors.ts';
import { orgErrors } from '../modules/org/org.errors.ts';
import { userErrors } from '../modules/users/users.errors.ts';
import { donorErrors } from '../modules/donors/donors.errors.ts';
import { ledgerErrors } from '../modules/ledger/ledger.errors.ts';
import { contributionErrors } from '../modules/contributions/contributions.errors.ts';
import { paymentErrors } from '../modules/payments/payments.errors.ts';
import { portalErrors } from '../modules/portal/portal.errors.ts';
import { ussdErrors } from '../modules/ussd/ussd.errors.ts';
import { councilErrors } from '../modules/councils/councils.errors.ts';
import { spendingErrors } from '../modules/spending/spending.errors.ts';

/**
 * Every error code the API can answer, with its HTTP status and Persian and English messages.
 * Each module declares its own codes in `<module>.errors.ts`; they meet here so that a code is
 * unique and `AppError` accepts only codes that have messages.
 */
export const errorCatalog = {
  ...commonErrors,
  ...authErrors,
  ...orgErrors,
  ...userErrors,
  ...donorErrors,
  ...ledgerErrors,
  ...contributionErrors,
  ...paymentErrors,
  ...portalErrors,
  ...ussdErrors,
  ...councilErrors,
  ...spendingErrors,
} as const;

export type ErrorCode = keyof typeof errorCatalog;
