import type { ErrorEntries } from '../../lib/error-entry.ts';

export const userErrors = {
  USER_NOT_FOUND: { status: 404, fa: 'کاربر یافت نشد.', en: 'User not found.' },
  USER_USERNAME_TAKEN: { status: 409, fa: 'این نام کاربری قبلاً ثبت شده است.', en: 'This username is already taken.' },
  USER_PASSWORD_WEAK: { status: 400, fa: 'گذرواژه باید دست‌کم ۸ نویسه و شامل حرف و رقم باشد.', en: 'The password needs at least 8 characters with letters and digits.' },
  USER_ROLE_OUT_OF_SCOPE: { status: 403, fa: 'نقش را فقط در واحدهای زیرمجموعه خود می‌توانید بدهید.', en: 'You can grant roles only within your own units.' },
  USER_SELF_LOCKOUT: { status: 422, fa: 'نمی‌توانید حساب یا نقش مدیریتی خودتان را غیرفعال کنید.', en: 'You cannot disable your own account or admin role.' },
} as const satisfies ErrorEntries;
