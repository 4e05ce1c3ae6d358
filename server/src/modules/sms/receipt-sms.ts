import { formatToman } from '@mosharekat/fa';

/** The thank-you text with the receipt's public address (no personal data in it: the code is the receipt's). */
export function receiptSmsText(amountRials: bigint, receiptCode: string, baseUrl: string): string {
  return `از کمک ${formatToman(amountRials)} شما سپاسگزاریم.\nرسید: ${baseUrl}/r/${receiptCode}\nمشارکت‌های مردمی بهزیستی`;
}

export function otpSmsText(code: string, minutes: number): string {
  return `کد ورود شما به درگاه نیکوکاران: ${code}\nاین کد تا ${minutes} دقیقه معتبر است؛ آن را به کسی ندهید.`;
}
