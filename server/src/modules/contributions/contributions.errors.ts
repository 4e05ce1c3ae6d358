import type { ErrorEntries } from '../../lib/error-entry.ts';

export const contributionErrors = {
  CONTRIBUTION_NOT_FOUND: { status: 404, fa: 'مشارکت یافت نشد.', en: 'Contribution not found.' },
  CONTRIBUTION_DUPLICATE_REFERENCE: { status: 409, fa: 'این شماره پیگیری/مرجع قبلاً برای همین روش پرداخت ثبت شده است.', en: 'This channel reference has already been recorded.' },
  CONTRIBUTION_REFERENCE_REQUIRED: { status: 400, fa: 'برای این روش پرداخت، شماره پیگیری یا مرجع لازم است.', en: 'This channel needs its reference number.' },
  CONTRIBUTION_DATE_IN_FUTURE: { status: 400, fa: 'تاریخ دریافت نمی‌تواند در آینده باشد.', en: 'The date received cannot be in the future.' },
  CONTRIBUTION_DATE_INVALID: { status: 400, fa: 'تاریخ دریافت را به شکل ۱۴۰۴/۰۷/۱۵ وارد کنید.', en: 'Enter the date received as 1404/07/15.' },
  CONTRIBUTION_UNIT_RETIRED: { status: 409, fa: 'واحد دریافت‌کننده بازنشسته است و مشارکت تازه نمی‌پذیرد.', en: 'The receiving unit is retired.' },
  CONTRIBUTION_PURPOSE_REQUIRED: { status: 400, fa: 'برای مشارکت خاص، نیت خیر (مصرف) را انتخاب کنید.', en: 'A specific gift needs its purpose.' },
  CONTRIBUTION_ALREADY_REVERSED: { status: 409, fa: 'این مشارکت قبلاً برگشت خورده است.', en: 'This contribution has already been reversed.' },
  CONTRIBUTION_REVERSE_SAME_USER: { status: 422, fa: 'برگشت مشارکت باید توسط کاربری غیر از ثبت‌کننده آن انجام شود.', en: 'A contribution must be reversed by someone other than who recorded it.' },
  CONTRIBUTION_BATCH_NOT_FOUND: { status: 404, fa: 'دسته (دفترچه رسید) یافت نشد.', en: 'Batch not found.' },
  CONTRIBUTION_BATCH_CLOSED: { status: 409, fa: 'این دسته قبلاً ثبت نهایی یا لغو شده است.', en: 'This batch is already posted or cancelled.' },
  CONTRIBUTION_BATCH_MISMATCH: { status: 422, fa: 'تعداد یا جمع مبالغ دسته با مقدار اعلام‌شده برابر نیست (تعداد {actualCount} از {expectedCount}، جمع {actualTotal} از {expectedTotal} ریال).', en: 'The batch does not add up (count {actualCount} of {expectedCount}, total {actualTotal} of {expectedTotal} rials).' },
  CONTRIBUTION_BATCH_BOOK_TAKEN: { status: 409, fa: 'این دفترچه رسید قبلاً در این واحد ثبت شده است.', en: 'This receipt book is already registered at this unit.' },
  RECEIPT_NOT_FOUND: { status: 404, fa: 'رسیدی با این کد یافت نشد.', en: 'No receipt with this code.' },
} as const satisfies ErrorEntries;
