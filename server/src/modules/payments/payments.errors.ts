import type { ErrorEntries } from '../../lib/error-entry.ts';

export const paymentErrors = {
  PAYMENT_NOT_FOUND: { status: 404, fa: 'پرداختی با این شناسه یافت نشد.', en: 'No such payment.' },
  PAYMENT_AMOUNT_TOO_SMALL: { status: 400, fa: 'کمترین مبلغ پرداخت {min} تومان است.', en: 'The smallest amount is {min} toman.' },
  PAYMENT_AMOUNT_TOO_LARGE: { status: 400, fa: 'بیشترین مبلغ هر پرداخت {max} تومان است.', en: 'The largest amount per payment is {max} toman.' },
  PAYMENT_UNIT_INVALID: { status: 400, fa: 'استان یا شهرستان انتخاب‌شده معتبر نیست.', en: 'Choose an active province or county.' },
  PAYMENT_PURPOSE_INVALID: { status: 400, fa: 'نیت انتخاب‌شده معتبر نیست.', en: 'Choose one of the listed purposes.' },
  PAYMENT_GATEWAY_UNAVAILABLE: { status: 502, fa: 'درگاه پرداخت پاسخ نداد؛ چند دقیقه دیگر دوباره تلاش کنید.', en: 'The payment gateway did not answer; try again in a few minutes.' },
  PAYMENT_GATEWAY_NOT_CONFIGURED: { status: 503, fa: 'درگاه پرداخت اینترنتی هنوز راه‌اندازی نشده است.', en: 'The online payment gateway is not configured.' },
} as const satisfies ErrorEntries;
