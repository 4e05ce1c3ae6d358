import type { ErrorEntries } from '../../lib/error-entry.ts';

export const portalErrors = {
  PORTAL_PAYMENTS_RATE_LIMITED: { status: 429, fa: 'درخواست‌های پرداخت بیش از حد مجاز بوده است؛ {minutes} دقیقه دیگر دوباره تلاش کنید.', en: 'Too many payment requests; try again in {minutes} minutes.' },
  PORTAL_MOBILE_INVALID: { status: 400, fa: 'شماره همراه معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.', en: 'Enter a valid mobile number, such as 09121234567.' },
  PORTAL_NATIONAL_CODE_INVALID: { status: 400, fa: 'کد ملی معتبر نیست.', en: 'The national code is not valid.' },
  PORTAL_OTP_RATE_LIMITED: { status: 429, fa: 'کد ورود بیش از حد مجاز درخواست شده است؛ {minutes} دقیقه دیگر دوباره تلاش کنید.', en: 'Too many sign-in codes requested; try again in {minutes} minutes.' },
  PORTAL_OTP_INVALID: { status: 401, fa: 'کد ورود درست نیست یا منقضی شده است.', en: 'The code is wrong or has expired.' },
  PORTAL_OTP_TOO_MANY_ATTEMPTS: { status: 429, fa: 'کد ورود چند بار نادرست وارد شد و دیگر معتبر نیست؛ کد تازه بگیرید.', en: 'Too many wrong codes; request a new one.' },
  PORTAL_SIGN_IN_REQUIRED: { status: 401, fa: 'برای دیدن کمک‌های خود با شماره همراه وارد شوید.', en: 'Sign in with your mobile number to see your gifts.' },
  PORTAL_GIFT_NOT_FOUND: { status: 404, fa: 'این کمک در فهرست کمک‌های شما نیست.', en: 'This gift is not among yours.' },
} as const satisfies ErrorEntries;
