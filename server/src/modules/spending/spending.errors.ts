import type { ErrorEntries } from '../../lib/error-entry.ts';

export const spendingErrors = {
  SPENDING_REQUEST_NOT_FOUND: { status: 404, fa: 'درخواست هزینه یافت نشد.', en: 'Spending request not found.' },
  SPENDING_FUND_NOT_OF_UNIT: { status: 422, fa: 'این صندوق متعلق به واحد درخواست‌کننده نیست.', en: 'The fund does not belong to the requesting unit.' },
  SPENDING_PURPOSE_REQUIRED: { status: 400, fa: 'مصرف مشخص هزینه را انتخاب کنید؛ «عام» نوع پول است، نه مصرف آن.', en: 'Choose a concrete purpose; "general" is a kind of money, not a use.' },
  SPENDING_INTENT_MISMATCH: { status: 422, fa: 'این هزینه با نیت خیرین سازگار نیست: {reasonFa}', en: 'The spending does not match the donors\' intent: {reasonEn}' },
  SPENDING_NOT_AUTHORIZED: { status: 422, fa: 'این هزینه مجوز ندارد: {reasonFa}', en: 'This spending is not authorized: {reasonEn}' },
  SPENDING_INSUFFICIENT_FUNDS: { status: 409, fa: 'مانده کافی نیست: {reasonFa}', en: 'Not enough money: {reasonEn}' },
  SPENDING_WRONG_STATE: { status: 409, fa: 'این کار در وضعیت کنونی درخواست ({statusFa}) ممکن نیست.', en: 'This cannot be done while the request is {statusEn}.' },
  SPENDING_NOT_REQUESTER: { status: 403, fa: 'این کار فقط با درخواست‌کننده است.', en: 'Only the requester can do this.' },
  SPENDING_REQUESTER_CANNOT_ACT: { status: 403, fa: 'درخواست‌کننده نمی‌تواند درخواست خود را دستور دهد، تأیید، رد یا پرداخت کند.', en: 'The requester cannot order, approve, reject or pay their own request.' },
  SPENDING_NOT_THE_DELEGATE: { status: 403, fa: 'دستور این هزینه فقط با شخص دارای تفویض اختیار است.', en: 'Only the delegate can order this spending.' },
  SPENDING_AWAITS_ORDER: { status: 409, fa: 'این درخواست ابتدا باید با دستور شخص دارای تفویض اختیار همراه شود.', en: 'The delegate must order this request first.' },
  SPENDING_ALREADY_APPROVED_BY_YOU: { status: 403, fa: 'شما قبلاً درباره این درخواست اقدام کرده‌اید؛ تأیید بعدی باید توسط شخص دیگری انجام شود.', en: 'You have already acted on this request; the next approval must come from someone else.' },
  SPENDING_ORDERER_CANNOT_APPROVE: { status: 403, fa: 'صادرکننده دستور نمی‌تواند تأیید حوزه مشارکت را هم انجام دهد.', en: 'The delegate who ordered cannot also approve.' },
  SPENDING_NO_APPROVAL_ROLE: { status: 403, fa: 'شما نقش لازم برای تأیید باقی‌مانده این درخواست را ندارید.', en: 'You do not hold the role for the remaining approval.' },
  SPENDING_APPROVAL_EXPIRED: { status: 409, fa: 'مهلت پرداخت این تأیید گذشته است.', en: 'The approval has expired.' },
  SPENDING_SHEBA_INVALID: { status: 400, fa: 'شماره شبای دریافت‌کننده معتبر نیست.', en: 'The payee\'s Sheba number is not valid.' },
  SPENDING_PAYMENT_DOCUMENT_TAKEN: { status: 409, fa: 'این شماره سند پرداخت قبلاً در این واحد ثبت شده است.', en: 'This payment document number is already used at this unit.' },
  SPENDING_PAID_ON_INVALID: { status: 400, fa: 'تاریخ پرداخت باید بین تاریخ تأیید و امروز باشد.', en: 'The payment date must lie between the approval and today.' },
  SPENDING_DOCUMENT_NOT_FOUND: { status: 404, fa: 'سند پیوست یافت نشد.', en: 'Document not found.' },
} as const satisfies ErrorEntries;
