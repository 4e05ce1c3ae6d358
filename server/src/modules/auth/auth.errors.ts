import type { ErrorEntries } from '../../lib/error-entry.ts';

export const authErrors = {
  AUTH_INVALID_CREDENTIALS: { status: 401, fa: 'نام کاربری یا گذرواژه درست نیست.', en: 'Wrong username or password.' },
  AUTH_RATE_LIMITED: { status: 429, fa: 'تلاش‌های ناموفق ورود زیاد بوده است؛ {minutes} دقیقه دیگر دوباره تلاش کنید.', en: 'Too many failed sign-in attempts; try again in {minutes} minutes.' },
  AUTH_ACCOUNT_DISABLED: { status: 403, fa: 'حساب کاربری شما غیرفعال است.', en: 'Your account is disabled.' },
} as const satisfies ErrorEntries;
