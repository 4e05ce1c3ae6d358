import { describe, expect, it } from 'vitest';
import { generateLegalId, generateMobile, generateNationalCode } from './fake-identifiers.ts';
import { parseLegalId, parseMobile, parseNationalCode } from './identifiers.ts';

// mulberry32: a tiny seeded PRNG so runs are reproducible.
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nationalCodeChecksumHolds(code: string): boolean {
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 9).reduce((acc, d, i) => acc + d * (10 - i), 0);
  const remainder = sum % 11;
  return digits[9] === (remainder < 2 ? remainder : 11 - remainder);
}

describe('generateNationalCode', () => {
  it('should produce only valid codes when called many times', () => {
    const rng = seeded(1);
    for (let i = 0; i < 2000; i++) {
      const code = generateNationalCode(rng);
      expect(nationalCodeChecksumHolds(code)).toBe(true);
      expect(parseNationalCode(code)).toEqual({ ok: true, value: code });
    }
  });

  it('should repeat its output when the seed is the same', () => {
    const a = seeded(42);
    const b = seeded(42);
    expect([1, 2, 3].map(() => generateNationalCode(a))).toEqual([1, 2, 3].map(() => generateNationalCode(b)));
  });

  it('should produce distinct codes when the source is random', () => {
    const rng = seeded(7);
    const codes = new Set(Array.from({ length: 500 }, () => generateNationalCode(rng)));
    expect(codes.size).toBeGreaterThan(495);
  });

  it.each([
    ['always 0', () => 0],
    ['always 0.5', () => 0.5],
  ])('should throw rather than loop when the source is %s', (_label, rng) => {
    expect(() => generateNationalCode(rng)).toThrow(/random source/);
  });

  it('should still produce digits when the source returns exactly 1', () => {
    let n = 0;
    const rng = () => (n++ % 2 === 0 ? 1 : 0.3);
    expect(generateNationalCode(rng)).toMatch(/^\d{10}$/);
  });
});

describe('generateLegalId', () => {
  it('should produce only valid ids when called many times', () => {
    const rng = seeded(3);
    for (let i = 0; i < 2000; i++) {
      const id = generateLegalId(rng);
      expect(parseLegalId(id)).toEqual({ ok: true, value: id });
    }
  });

  it('should throw rather than loop when the source is always 0', () => {
    expect(() => generateLegalId(() => 0)).toThrow(/random source/);
  });
});

describe('generateMobile', () => {
  it('should produce canonical mobile numbers when called many times', () => {
    const rng = seeded(5);
    for (let i = 0; i < 500; i++) {
      const mobile = generateMobile(rng);
      expect(mobile).toMatch(/^09\d{9}$/);
      const parsed = parseMobile(mobile);
      expect(parsed.ok && parsed.value).toBe(mobile);
    }
  });

  it.each([0, 0.999999, 1])('should stay in range when the source returns %s', (x) => {
    expect(generateMobile(() => x)).toMatch(/^09\d{9}$/);
  });
});
