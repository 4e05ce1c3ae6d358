import type { ErrorEntries } from '../../lib/error-entry.ts';

export const donorErrors = {
  DONOR_NOT_FOUND: { status: 404, fa: 'نیکوکار یافت نشد.', en: 'Donor not found.' },
  DONOR_DUPLICATE: { status: 409, fa: 'نیکوکاری با این کد ملی یا شناسه ملی قبلاً ثبت شده است.', en: 'A donor with this national code or legal id is already registered.' },
  DONOR_QUERY_TOO_SHORT: { status: 400, fa: 'برای جست‌وجوی نام دست‌کم سه حرف وارد کنید.', en: 'Type at least three letters to search by name.' },
  DONOR_MERGED: { status: 409, fa: 'این پرونده با پرونده دیگری ادغام شده است؛ پرونده باقی‌مانده را ویرایش کنید.', en: 'This record was merged into another; edit the surviving record.' },
  // fields
  DONOR_NATIONAL_CODE_INVALID: { status: 400, fa: 'کد ملی واردشده معتبر نیست؛ ده رقم آن را دوباره بررسی کنید.', en: 'The national code is not valid; check its ten digits again.' },
  DONOR_LEGAL_ID_INVALID: { status: 400, fa: 'شناسه ملی شخص حقوقی معتبر نیست؛ باید یازده رقم درست باشد.', en: 'The legal national id is not valid; it must be eleven correct digits.' },
  DONOR_MOBILE_INVALID: { status: 400, fa: 'شماره همراه معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.', en: 'The mobile number is not valid; enter it like 09121234567.' },
  DONOR_PHONE_INVALID: { status: 400, fa: 'شماره تلفن ثابت معتبر نیست؛ با پیش‌شماره و فقط با رقم وارد کنید.', en: 'The phone number is not valid; enter digits with the area code.' },
  DONOR_SHEBA_INVALID: { status: 400, fa: 'شماره شبا معتبر نیست؛ ۲۴ رقم پس از IR را دوباره بررسی کنید.', en: 'The Sheba (IBAN) number is not valid; check the 24 digits after IR.' },
  DONOR_POSTAL_CODE_INVALID: { status: 400, fa: 'کد پستی باید ده رقم باشد.', en: 'The postal code must have ten digits.' },
  DONOR_EMAIL_INVALID: { status: 400, fa: 'نشانی رایانامه معتبر نیست.', en: 'The email address is not valid.' },
  DONOR_BIRTH_DATE_INVALID: { status: 400, fa: 'تاریخ تولد معتبر نیست؛ به شکل ۱۳۶۵/۰۴/۲۱ (شمسی) وارد کنید.', en: 'The birth date is not valid; enter a Jalali date like 1365/04/21.' },
  DONOR_NAME_REQUIRED: { status: 400, fa: 'نام این نیکوکار را وارد کنید.', en: 'Enter the donor\'s name.' },
  DONOR_FIELD_NOT_FOR_TYPE: { status: 400, fa: 'این فیلد برای این نوع نیکوکار (حقیقی/حقوقی) پذیرفته نیست.', en: 'This field does not apply to this type of donor (natural/legal).' },
  DONOR_LEGAL_TYPE_REQUIRED: { status: 400, fa: 'نوع شخص حقوقی را انتخاب کنید.', en: 'Choose the type of legal person.' },
  DONOR_GEO_INVALID: { status: 400, fa: 'استان، شهرستان و شهر یا روستای انتخاب‌شده با هم سازگار نیستند.', en: 'The province, county and city or village chosen do not belong together.' },
  DONOR_CATEGORY_UNKNOWN: { status: 400, fa: 'دسته‌بندی انتخاب‌شده تعریف نشده است.', en: 'The category chosen does not exist.' },
  DONOR_RELATION_INVALID: { status: 400, fa: 'این پیوند معتبر نیست: نماینده و کارمند باید شخص حقیقی و طرف دیگر شخص حقوقی باشد؛ پیوند خانوادگی میان دو شخص حقیقی است.', en: 'This relationship is not valid: representatives and employees are natural persons of a legal person; family links join two natural persons.' },
  DONOR_RELATED_NOT_FOUND: { status: 400, fa: 'نیکوکار مرتبط یافت نشد یا در حوزه دسترسی شما نیست.', en: 'The related donor was not found or is outside your units.' },
  DONOR_UNIT_OUT_OF_SCOPE: { status: 403, fa: 'ثبت نیکوکار فقط برای واحدهای زیرمجموعه شما ممکن است.', en: 'You can register donors only at your own units.' },
  // merge
  DONOR_MERGE_SELF: { status: 422, fa: 'یک پرونده را نمی‌توان با خودش ادغام کرد.', en: 'A record cannot be merged with itself.' },
  DONOR_MERGE_TYPE_MISMATCH: { status: 422, fa: 'شخص حقیقی و شخص حقوقی را نمی‌توان ادغام کرد.', en: 'A natural and a legal person cannot be merged.' },
  DONOR_MERGE_IDENTITY_CONFLICT: { status: 422, fa: 'این دو پرونده کد ملی یا شناسه ملی متفاوت دارند و متعلق به دو شخص‌اند؛ ادغام ممکن نیست.', en: 'The two records have different national codes or legal ids: they are two persons and cannot be merged.' },
  DONOR_MERGE_REFERENCE_CONFLICT: { status: 409, fa: 'ادغام به دلیل داده‌های ناسازگار در «{table}» ممکن نشد؛ با پشتیبانی تماس بگیرید.', en: 'The merge is blocked by conflicting data in "{table}"; contact support.' },
  // import
  DONOR_IMPORT_NOT_FOUND: { status: 404, fa: 'ورود گروهی یافت نشد.', en: 'Import not found.' },
  DONOR_IMPORT_FORMAT: { status: 415, fa: 'فایل باید CSV یا Excel (xlsx) باشد؛ فایل‌های xls قدیمی را به xlsx ذخیره کنید.', en: 'The file must be CSV or Excel (xlsx); save old .xls files as .xlsx.' },
  DONOR_IMPORT_EMPTY: { status: 400, fa: 'فایل خالی است.', en: 'The file is empty.' },
  DONOR_IMPORT_TOO_LARGE: { status: 413, fa: 'حجم فایل بیش از {maxMb} مگابایت است؛ آن را در چند فایل بفرستید.', en: 'The file is larger than {maxMb} MB; split it into several files.' },
  DONOR_IMPORT_HEADER: { status: 400, fa: 'سطر اول فایل باید عنوان ستون‌ها باشد و ستون «{column}» را داشته باشد.', en: 'The first row must hold the column titles, including "{column}".' },
  DONOR_IMPORT_UNREADABLE: { status: 400, fa: 'فایل خوانده نشد؛ آن را دوباره از Excel با قالب xlsx یا CSV (UTF-8) ذخیره کنید.', en: 'The file could not be read; save it again from Excel as xlsx or CSV (UTF-8).' },
  DONOR_IMPORT_TYPE_INVALID: { status: 400, fa: 'نوع نیکوکار باید «حقیقی» یا «حقوقی» باشد.', en: 'The donor type must be "natural" or "legal".' },
  DONOR_IMPORT_IDENTITY_REQUIRED: { status: 400, fa: 'برای ورود گروهی کد ملی (یا شناسه ملی) یا دست‌کم یک شماره همراه لازم است تا ورود دوباره پرونده تکراری نسازد.', en: 'An import row needs a national code (or legal id) or at least a mobile, so that importing again creates no duplicates.' },
  DONOR_IMPORT_EXISTS_ELSEWHERE: { status: 409, fa: 'این نیکوکار در واحد دیگری ثبت شده است که در حوزه دسترسی شما نیست؛ تغییری داده نشد.', en: 'This donor is registered at a unit outside your access; nothing was changed.' },
  DONOR_IMPORT_VALUE_INVALID: { status: 400, fa: 'مقدار این ستون شناخته نشد.', en: 'The value of this column was not recognised.' },
  DONOR_IMPORT_PLACE_UNKNOWN: { status: 400, fa: 'این نام در تقسیمات کشوری پیدا نشد؛ نام استان، شهرستان یا شهر/روستا را بررسی کنید.', en: 'This place name was not found in the divisions; check the province, county or city/village name.' },
  // keys
  DONOR_DATA_KEY_MISMATCH: { status: 503, fa: 'کلید رمزگذاری اطلاعات شخصی این سرور با کلید پایگاه داده یکی نیست؛ به پشتیبانی اطلاع دهید.', en: 'This server\'s personal-data key does not match the database; tell support.' },
} as const satisfies ErrorEntries;
