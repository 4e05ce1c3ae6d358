import { describe, expect, it } from 'vitest';
import fa from './fa';
import en from './en';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
}

describe('i18n strings', () => {
  it('should have the same keys in Persian and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(fa).sort());
  });

  it('should use the same placeholders in both languages', () => {
    for (const key of keysOf(fa)) {
      expect(placeholders(String(lookup(en, key))), key).toEqual(placeholders(String(lookup(fa, key))));
    }
  });

  it('should have no empty strings', () => {
    for (const key of keysOf(fa)) {
      expect(String(lookup(fa, key)).trim(), key).not.toBe('');
      expect(String(lookup(en, key)).trim(), key).not.toBe('');
    }
  });
});
