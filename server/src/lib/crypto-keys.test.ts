import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptText, deriveDataKeys, encryptText, keyFromFile, lookupHash } from './crypto-keys.ts';

describe('data keys', () => {
  const keys = deriveDataKeys(Buffer.alloc(32, 1));

  it('should decrypt what it encrypted and refuse another purpose or a changed byte', () => {
    const blob = encryptText('0084575948', 'donor.national_code', keys);
    expect(decryptText(blob, 'donor.national_code', keys)).toBe('0084575948');
    expect(blob.includes(Buffer.from('0084575948'))).toBe(false);
    expect(encryptText('0084575948', 'donor.national_code', keys).equals(blob)).toBe(false); // random IV
    expect(() => decryptText(blob, 'donor.mobile', keys)).toThrow();
    const tampered = Buffer.from(blob);
    tampered[20] = tampered[20]! ^ 1;
    expect(() => decryptText(tampered, 'donor.national_code', keys)).toThrow();
  });

  it('should give equal lookup hashes for equal values and different ones for another key or purpose', () => {
    const other = deriveDataKeys(Buffer.alloc(32, 2));
    expect(lookupHash('m', '09121234567', keys).equals(lookupHash('m', '09121234567', keys))).toBe(true);
    expect(lookupHash('m', '09121234567', keys).equals(lookupHash('m', '09121234567', other))).toBe(false);
    expect(lookupHash('m', '09121234567', keys).equals(lookupHash('n', '09121234567', keys))).toBe(false);
  });

  it('should create the key file once with mode 0600 and read the same key afterwards', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'msk-key-'));
    const first = keyFromFile(dir);
    expect(first).toHaveLength(32);
    expect(keyFromFile(dir).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'keys', 'data.key')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });
});
