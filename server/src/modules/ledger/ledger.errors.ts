import type { ErrorEntries } from '../../lib/error-entry.ts';

export const ledgerErrors = {
  LEDGER_INSUFFICIENT_FUNDS: { status: 409, fa: 'مانده قابل استفاده کافی نیست.', en: 'The available balance is not enough.' },
  LEDGER_UNBALANCED: { status: 500, fa: 'سند مالی تراز نیست.', en: 'The journal does not balance.' },
  LEDGER_ALREADY_REVERSED: { status: 409, fa: 'این سند قبلاً برگشت خورده است.', en: 'This journal has already been reversed.' },
  LEDGER_ACCOUNT_NOT_FOUND: { status: 404, fa: 'حساب یافت نشد.', en: 'Account not found.' },
  LEDGER_FUND_NOT_FOUND: { status: 404, fa: 'صندوق (محل) یافت نشد.', en: 'Fund not found.' },
  LEDGER_PURPOSE_UNKNOWN: { status: 422, fa: 'نیت یا مصرف انتخاب‌شده در فهرست نیست.', en: 'Unknown purpose.' },
  LEDGER_TARGET_GROUP_UNKNOWN: { status: 422, fa: 'گروه هدف انتخاب‌شده در فهرست نیست.', en: 'Unknown target group.' },
  LEDGER_NOT_A_COUNTY: { status: 422, fa: 'واحد مقصد باید شهرستانِ همین استان باشد.', en: 'The destination must be a county of this province.' },
  LEDGER_FUND_NOT_OF_COUNTY: { status: 422, fa: 'این صندوق متعلق به این شهرستان نیست.', en: 'This fund does not belong to the county.' },
  LEDGER_DOCUMENT_TAKEN: { status: 409, fa: 'این شماره سند قبلاً ثبت شده است.', en: 'This document number is already used.' },
  IDEMPOTENCY_KEY_MISSING: { status: 400, fa: 'سرآیند Idempotency-Key برای این درخواست الزامی است.', en: 'This request needs an Idempotency-Key header.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, fa: 'این کلید یکتایی قبلاً برای درخواست دیگری به کار رفته است.', en: 'This Idempotency-Key was used for a different request.' },
} as const satisfies ErrorEntries;
