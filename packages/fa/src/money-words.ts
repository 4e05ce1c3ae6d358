// Written-out amounts appear on receipts and cheques, where «هشت صد» (with a space, as
// persian-tools writes it) looks wrong and persian-tools stops at 2^53 and says «تریلیون»,
// which Iranian banking does not use. So the words are built here, with bigint.

const ONES = ['', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];
const TEENS = ['ده', 'یازده', 'دوازده', 'سیزده', 'چهارده', 'پانزده', 'شانزده', 'هفده', 'هجده', 'نوزده'];
const TENS = ['', '', 'بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'];
const HUNDREDS = ['', 'صد', 'دویست', 'سیصد', 'چهارصد', 'پانصد', 'ششصد', 'هفتصد', 'هشتصد', 'نهصد'];

// Below a billion, three-digit groups take هزار and میلیون. Above it, Iranian usage counts
// in میلیارد: 10^12 is «هزار میلیارد», 10^15 «میلیون میلیارد», 10^18 «میلیارد میلیارد».
const GROUP_SCALES = ['', 'هزار', 'میلیون'];
const BILLION = 1_000_000_000n;
const MAX_WORDS = 10n ** 18n;
const AND = ' و ';

function wordsBelowThousand(n: number): string {
  const parts: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) parts.push(HUNDREDS[hundreds] ?? '');
  if (rest >= 10 && rest < 20) {
    parts.push(TEENS[rest - 10] ?? '');
  } else {
    if (rest >= 20) parts.push(TENS[Math.floor(rest / 10)] ?? '');
    if (rest % 10 > 0) parts.push(ONES[rest % 10] ?? '');
  }
  return parts.join(AND);
}

function wordsBelowBillion(n: number): string {
  const parts: string[] = [];
  for (let scale = GROUP_SCALES.length - 1; scale >= 0; scale--) {
    const group = Math.floor(n / 1000 ** scale) % 1000;
    if (group === 0) continue;
    const scaleWord = GROUP_SCALES[scale] ?? '';
    parts.push(scaleWord === '' ? wordsBelowThousand(group) : `${wordsBelowThousand(group)} ${scaleWord}`);
  }
  return parts.join(AND);
}

function positiveWords(n: bigint): string {
  if (n < BILLION) return wordsBelowBillion(Number(n));
  const billions = n / BILLION;
  const rest = n % BILLION;
  const head = `${positiveWords(billions)} میلیارد`;
  return rest === 0n ? head : head + AND + wordsBelowBillion(Number(rest));
}

/**
 * Persian words for an integer, as written on receipts: 1250 → «یک هزار و دویست و پنجاه».
 * Exact for every |n| ≤ 10^18; larger values throw a RangeError.
 */
export function numberToWordsFa(n: bigint): string {
  if (n === 0n) return 'صفر';
  const magnitude = n < 0n ? -n : n;
  if (magnitude > MAX_WORDS) throw new RangeError(`numberToWordsFa: beyond 10^18: ${n}`);
  const words = positiveWords(magnitude);
  return n < 0n ? `منفی ${words}` : words;
}

/** '… ریال', the wording of official receipts. */
export function rialsInWords(rials: bigint): string {
  return `${numberToWordsFa(rials)} ریال`;
}

/**
 * '… تومان', the wording people use; odd rials are added as ' و N ریال' so the sentence
 * still states the exact amount. Below one toman only the rials are spoken.
 */
export function tomanInWords(rials: bigint): string {
  const magnitude = rials < 0n ? -rials : rials;
  const toman = magnitude / 10n;
  const remainder = magnitude % 10n;
  const parts: string[] = [];
  if (toman > 0n || remainder === 0n) parts.push(`${numberToWordsFa(toman)} تومان`);
  if (remainder > 0n) parts.push(`${numberToWordsFa(remainder)} ریال`);
  const words = parts.join(AND);
  return rials < 0n ? `منفی ${words}` : words;
}
