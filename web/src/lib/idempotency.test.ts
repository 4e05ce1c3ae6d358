import { describe, expect, it } from 'vitest';
import { submissionKeys } from './idempotency';

function counter() {
  let n = 0;
  return () => `key-${(n += 1)}`;
}

describe('submissionKeys', () => {
  it('should reuse the key when the same submission is retried', () => {
    const keys = submissionKeys(counter());
    expect(keys.keyFor({ amountRials: '10' })).toBe('key-1');
    expect(keys.keyFor({ amountRials: '10' })).toBe('key-1');
  });

  it('should use a new key when the form changed between attempts', () => {
    const keys = submissionKeys(counter());
    keys.keyFor({ amountRials: '10' });
    expect(keys.keyFor({ amountRials: '20' })).toBe('key-2');
  });

  it('should use a new key for the next gift when the previous one succeeded', () => {
    const keys = submissionKeys(counter());
    keys.keyFor({ amountRials: '10' });
    keys.done();
    expect(keys.keyFor({ amountRials: '10' })).toBe('key-2');
  });

  it('should make keys the server accepts by default', () => {
    expect(submissionKeys().keyFor({})).toMatch(/^[\x21-\x7e]{8,200}$/);
  });
});
