import { toLatinDigits, toPersianDigits } from './digits.ts';

// Amounts are stored in PostgreSQL int8; anything larger could never be saved, so it is
// refused at the edge instead of failing deep inside a transaction.
const INT8_MAX = 9223372036854775807n;

// Either plain digits or correctly grouped thousands. A misplaced separator ("1,00,000")
// usually means a mistyped amount, and with money a rejection beats a guess.
const PLAIN_OR_GROUPED = /^(?:\d+|\d{1,3}(?:[,\u066C]\d{3})+)$/;
const SEPARATORS = /[,\u066C]/g;

function inRange(rials: bigint, input: unknown): bigint {
  if (rials < 0n) throw new RangeError(`parseRials: negative amount: ${String(input)}`);
  if (rials > INT8_MAX) throw new RangeError(`parseRials: amount exceeds int8: ${String(input)}`);
  return rials;
}

/**
 * Reads an amount of rials from a form field, an import or JSON (where amounts travel as
 * decimal strings). Accepts Persian digits and ',' or '٬' thousands separators; throws a
 * RangeError for fractions, negative numbers, anything non-numeric and unsafe numbers.
 */
export function parseRials(input: string | bigint | number): bigint {
  if (typeof input === 'bigint') return inRange(input, input);
  if (typeof input === 'number') {
    // Beyond 2^53 a number has already lost digits, so it cannot be trusted as an amount.
    if (!Number.isSafeInteger(input)) throw new RangeError(`parseRials: not a safe whole number: ${input}`);
    return inRange(BigInt(input), input);
  }
  const text = toLatinDigits(input).trim();
  if (!PLAIN_OR_GROUPED.test(text)) {
    throw new RangeError(`parseRials: not a whole number of rials: ${JSON.stringify(input)}`);
  }
  return inRange(BigInt(text.replace(SEPARATORS, '')), input);
}

export type TomanAmount = { toman: bigint; remainderRials: bigint };

/**
 * Splits rials into toman (the unit people speak in, 10 rials) and the rials left over, so
 * that no display ever silently drops them. Both parts carry the sign of the input.
 */
export function rialsToToman(rials: bigint): TomanAmount {
  return { toman: rials / 10n, remainderRials: rials % 10n };
}

export type AmountFormatOptions = {
  /** 'fa' (default) for the UI, 'latin' for CSV exports and logs. */
  digits?: 'fa' | 'latin';
  /** Append the unit word (default true). */
  unit?: boolean;
};

function groupThousands(whole: bigint, separator: string): string {
  return whole.toString().replace(/\B(?=(\d{3})+$)/g, separator);
}

function formatAmount(
  magnitude: bigint,
  fraction: bigint | null,
  negative: boolean,
  unitWord: string,
  { digits = 'fa', unit = true }: AmountFormatOptions,
): string {
  const fa = digits === 'fa';
  let text = groupThousands(magnitude, fa ? '\u066C' : ',');
  if (fraction !== null) text += (fa ? '\u066B' : '.') + fraction.toString();
  if (negative) text = `-${text}`;
  if (fa) text = toPersianDigits(text);
  return unit ? `${text} ${unitWord}` : text;
}

/**
 * Shows rials as toman: '۱٬۲۳۴٬۵۶۷ تومان'. When the amount is not a whole number of toman
 * the odd rials appear as one decimal ('۱۲٫۳ تومان' for 123 rials) rather than vanish.
 */
export function formatToman(rials: bigint, options: AmountFormatOptions = {}): string {
  const negative = rials < 0n;
  const { toman, remainderRials } = rialsToToman(negative ? -rials : rials);
  return formatAmount(toman, remainderRials === 0n ? null : remainderRials, negative, 'تومان', options);
}

/** Shows rials as rials: '۱۲٬۳۴۵٬۶۷۰ ریال', as on bank statements and official receipts. */
export function formatRials(rials: bigint, options: AmountFormatOptions = {}): string {
  const negative = rials < 0n;
  return formatAmount(negative ? -rials : rials, null, negative, 'ریال', options);
}
