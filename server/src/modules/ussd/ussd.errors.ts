import type { ErrorEntries } from '../../lib/error-entry.ts';

export const ussdErrors = {
  USSD_NOT_CONFIGURED: { status: 503, fa: 'دریافت کمک از کد دستوری راه‌اندازی نشده است (کلید امضا تعریف نشده).', en: 'USSD callbacks are not configured (no signing secret).' },
  USSD_SIGNATURE_INVALID: { status: 401, fa: 'امضای درخواست معتبر نیست.', en: 'The request signature is not valid.' },
  USSD_TIMESTAMP_STALE: { status: 401, fa: 'زمان درخواست خارج از بازه مجاز (۵ دقیقه) است.', en: 'The request timestamp is outside the allowed five minutes.' },
  USSD_CODE_UNKNOWN: { status: 422, fa: 'این کد دستوری در سامانه تعریف نشده است.', en: 'This USSD code is not defined.' },
  USSD_CODE_TAKEN: { status: 409, fa: 'این کد دستوری قبلاً تعریف شده است.', en: 'This USSD code already exists.' },
  USSD_CODE_NOT_FOUND: { status: 404, fa: 'کد دستوری یافت نشد.', en: 'USSD code not found.' },
  USSD_CODE_FORMAT: { status: 400, fa: 'کد دستوری را مانند ‎*733*9*7#‎ وارد کنید.', en: 'Write the code like *733*9*7#.' },
  USSD_TRANSACTION_CONFLICT: { status: 409, fa: 'این شناسه تراکنش قبلاً با مبلغ یا کد دیگری ثبت شده است.', en: 'This transaction id was already recorded with another amount or code.' },
} as const satisfies ErrorEntries;
