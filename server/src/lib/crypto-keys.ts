import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';

/**
 * Encryption of personal data at rest (national codes, mobiles, Sheba numbers).
 *
 * One 32-byte master key: MOSHAREKAT_DATA_KEY (base64) or, when unset, a key generated once and
 * kept in `<dataDir>/keys/data.key` (mode 0600). Every node of a cluster must use the same key:
 * set MOSHAREKAT_DATA_KEY there. Two keys are derived from it with HKDF so that neither use can
 * weaken the other:
 * - an AES-256-GCM key: values are stored as `01 | iv(12) | ciphertext | tag(16)`, with the
 *   purpose ('national_code', 'mobile', …) as additional data, so a value copied into another
 *   column does not decrypt;
 * - an HMAC-SHA256 key for lookup hashes: equal values give equal hashes (unique indexes, exact
 *   search) but the hashes cannot be reversed by trying all 10^10 national codes without the key.
 */
export interface DataKeys {
  encKey: Buffer;
  macKey: Buffer;
  /** HMAC of a constant: identifies the key without revealing it (see pii_key_check). */
  fingerprint: Buffer;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

// Used only inside vitest runs (never in a server), so that test databases are always written and
// read with the same key and no key file appears under ./data.
const TEST_KEY = Buffer.alloc(32, 7);

export function deriveDataKeys(master: Buffer): DataKeys {
  if (master.length !== 32) throw new Error('the data key must be 32 bytes (base64 of 32 random bytes)');
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', master, 'mosharekat', info, 32));
  const encKey = derive('pii-aes-256-gcm/v1');
  const macKey = derive('pii-lookup-hmac/v1');
  const fingerprint = crypto.createHmac('sha256', macKey).update('mosharekat key fingerprint').digest();
  return { encKey, macKey, fingerprint };
}

function decodeKey(base64: string, source: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${source} must be the base64 form of exactly 32 bytes (got ${key.length})`);
  return key;
}

/** Reads `<dataDir>/keys/data.key`, creating it (0600, directory 0700) on first use. */
export function keyFromFile(dataDir: string): Buffer {
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, 'data.key');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // 'wx': two processes starting at once cannot both write a key; the loser reads the winner's
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return decodeKey(fs.readFileSync(file, 'utf8'), file);
}

let current: DataKeys | null = null;

/** The process's data keys, resolved on first use (see the module comment for the order). */
export function dataKeys(): DataKeys {
  if (current) return current;
  const config = loadConfig();
  let master: Buffer;
  if (config.dataKey) master = decodeKey(config.dataKey, 'MOSHAREKAT_DATA_KEY');
  else if (process.env.VITEST && process.env.NODE_ENV !== 'production') master = TEST_KEY;
  else master = keyFromFile(config.dataDir);
  current = deriveDataKeys(master);
  return current;
}

/** Uses this master key from now on (benchmarks, key tests). */
export function installDataKey(master: Buffer): DataKeys {
  current = deriveDataKeys(master);
  return current;
}

export function encryptText(plaintext: string, purpose: string, keys: DataKeys = dataKeys()): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.encKey, iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]);
}

export function decryptText(blob: Buffer, purpose: string, keys: DataKeys = dataKeys()): string {
  if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) throw new Error('unreadable encrypted value');
  const iv = blob.subarray(1, 1 + IV_BYTES);
  const tag = blob.subarray(blob.length - TAG_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys.encKey, iv);
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES, blob.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** Encrypts bytes (uploaded files awaiting import) the same way. */
export function encryptBytes(data: Buffer, purpose: string, keys: DataKeys = dataKeys()): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.encKey, iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]);
}

export function decryptBytes(blob: Buffer, purpose: string, keys: DataKeys = dataKeys()): Buffer {
  if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) throw new Error('unreadable encrypted value');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys.encKey, blob.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
  return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES, blob.length - TAG_BYTES)), decipher.final()]);
}

/** Keyed hash for equality lookups: HMAC-SHA256(macKey, purpose ∥ 0 ∥ value). */
export function lookupHash(purpose: string, value: string, keys: DataKeys = dataKeys()): Buffer {
  return crypto.createHmac('sha256', keys.macKey).update(purpose).update('\0').update(value).digest();
}
