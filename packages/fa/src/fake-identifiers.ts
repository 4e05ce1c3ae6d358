import { parseLegalId, parseNationalCode } from './identifiers.ts';

/** A source of uniform numbers in [0, 1), e.g. Math.random or a seeded PRNG in tests. */
export type Rng = () => number;

// A broken generator (constant output) would otherwise loop for ever on rejected codes.
const MAX_ATTEMPTS = 1000;

function randomDigits(rng: Rng, count: number): string {
  let digits = '';
  for (let i = 0; i < count; i++) digits += String(Math.min(9, Math.floor(rng() * 10)));
  return digits;
}

function nationalCodeCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const remainder = sum % 11;
  return remainder < 2 ? remainder : 11 - remainder;
}

function legalIdCheckDigit(first10: string): number {
  const weights = [29, 27, 23, 19, 17];
  const decimal = Number(first10[9]) + 2;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (decimal + Number(first10[i])) * (weights[i % 5] ?? 0);
  const remainder = sum % 11;
  return remainder === 10 ? 0 : remainder;
}

function generateValid(make: () => string, isValid: (code: string) => boolean): string {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const code = make();
    if (isValid(code)) return code;
  }
  throw new Error('generator: the random source keeps producing rejected codes');
}

/**
 * A random national code that parseNationalCode accepts, for test factories and
 * benchmarks. Deterministic for a deterministic rng.
 */
export function generateNationalCode(rng: Rng): string {
  return generateValid(
    () => {
      const first9 = randomDigits(rng, 9);
      return first9 + String(nationalCodeCheckDigit(first9));
    },
    (code) => parseNationalCode(code).ok,
  );
}

/** A random legal-person id that parseLegalId accepts. */
export function generateLegalId(rng: Rng): string {
  return generateValid(
    () => {
      const first10 = randomDigits(rng, 10);
      return first10 + String(legalIdCheckDigit(first10));
    },
    (code) => parseLegalId(code).ok,
  );
}

// Ranges of the main operators, so fake donors look like real ones.
const MOBILE_PREFIXES = [
  '0910', '0911', '0912', '0913', '0914', '0915', '0916', '0917', '0918', '0919', '0990',
  '0991', '0901', '0902', '0903', '0905', '0930', '0933', '0935', '0936', '0937', '0938',
  '0939', '0920', '0921', '0922',
] as const;

/** A random mobile number in the stored form 09xxxxxxxxx. */
export function generateMobile(rng: Rng): string {
  const index = Math.min(MOBILE_PREFIXES.length - 1, Math.floor(rng() * MOBILE_PREFIXES.length));
  return `${MOBILE_PREFIXES[index] ?? '0912'}${randomDigits(rng, 7)}`;
}
