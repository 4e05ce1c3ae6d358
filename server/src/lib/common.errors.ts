import type { ErrorEntries } from './error-entry.ts';

/** Errors any route can answer, independent of a domain. */
export const commonErrors = {
  VALIDATION_FAILED: { status: 400, fa: 'برخی از اطلاعات واردشده درست نیست.', en: 'Some of the information entered is not valid.' },
  BAD_REQUEST: { status: 400, fa: 'درخواست نامعتبر است.', en: 'The request is not valid.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, fa: 'قالب داده ارسالی پشتیبانی نمی‌شود؛ JSON بفرستید.', en: 'Unsupported content type; send JSON.' },
  PAYLOAD_TOO_LARGE: { status: 413, fa: 'حجم داده ارسالی بیش از حد مجاز است.', en: 'The request body is too large.' },
  AUTH_REQUIRED: { status: 401, fa: 'برای ادامه وارد سامانه شوید.', en: 'Please sign in to continue.' },
  AUTH_SESSION_EXPIRED: { status: 401, fa: 'نشست شما به پایان رسیده است؛ دوباره وارد شوید.', en: 'Your session has expired; please sign in again.' },
  CSRF_INVALID: { status: 403, fa: 'درخواست از صفحه معتبر سامانه ارسال نشده است؛ صفحه را دوباره بارگذاری کنید.', en: 'The request did not come from a valid page; reload and try again.' },
  FORBIDDEN: { status: 403, fa: 'شما مجوز انجام این کار را ندارید.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, fa: 'موردی یافت نشد.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, fa: 'این نشانی در سامانه وجود ندارد.', en: 'No such address.' },
  CONFLICT: { status: 409, fa: 'این تغییر با وضعیت فعلی داده‌ها سازگار نیست.', en: 'This change conflicts with the current state.' },
  RATE_LIMITED: { status: 429, fa: 'تعداد درخواست‌ها بیش از حد مجاز است؛ کمی بعد دوباره تلاش کنید.', en: 'Too many requests; try again shortly.' },
  INTERNAL: { status: 500, fa: 'خطای داخلی رخ داد. شناسه خطا را به پشتیبانی اعلام کنید.', en: 'An internal error occurred. Give the error id to support.' },
  SERVICE_UNAVAILABLE: { status: 503, fa: 'سامانه موقتاً در دسترس نیست.', en: 'The service is temporarily unavailable.' },
  // field-level messages produced from schema validation
  FIELD_REQUIRED: { status: 400, fa: 'این فیلد الزامی است.', en: 'This field is required.' },
  FIELD_INVALID: { status: 400, fa: 'مقدار این فیلد معتبر نیست.', en: 'This value is not valid.' },
  FIELD_TOO_SHORT: { status: 400, fa: 'حداقل {min} نویسه لازم است.', en: 'At least {min} characters are required.' },
  FIELD_TOO_LONG: { status: 400, fa: 'حداکثر {max} نویسه مجاز است.', en: 'At most {max} characters are allowed.' },
  FIELD_TOO_SMALL: { status: 400, fa: 'مقدار باید دست‌کم {min} باشد.', en: 'The value must be at least {min}.' },
  FIELD_TOO_BIG: { status: 400, fa: 'مقدار باید حداکثر {max} باشد.', en: 'The value must be at most {max}.' },
  FIELD_NOT_ALLOWED: { status: 400, fa: 'این فیلد پذیرفته نیست.', en: 'This field is not accepted.' },
  FIELD_ENUM: { status: 400, fa: 'یکی از گزینه‌های مجاز را انتخاب کنید.', en: 'Choose one of the allowed options.' },
  FIELD_AMOUNT: { status: 400, fa: 'مبلغ باید عدد صحیح ریال (بدون اعشار) باشد.', en: 'The amount must be a whole number of rials.' },
  FIELD_UUID: { status: 400, fa: 'شناسه معتبر نیست.', en: 'The identifier is not valid.' },
  FIELD_DATE: { status: 400, fa: 'تاریخ معتبر نیست.', en: 'The date is not valid.' },
} as const satisfies ErrorEntries;
