import { maskDigits } from '@mosharekat/fa';
import type { Queryable } from '../../db/pool.ts';
import { dataKeys, decryptText, encryptText, lookupHash, type DataKeys } from '../../lib/crypto-keys.ts';
import { AppError } from '../../lib/errors.ts';
import type { DonorType } from './donor-input.ts';

/**
 * Personal data of donors at rest: national codes, legal ids, mobiles and Sheba numbers are
 * stored encrypted; identifiers and mobiles also as keyed hashes for unique indexes and exact
 * search. The purpose strings bind each ciphertext and hash to its column.
 */
const identPurpose = { natural: 'donor.national_code', legal: 'donor.legal_id' } as const;
const MOBILE = 'donor.mobile';
const SHEBA = 'donor.sheba';

export const identHash = (type: DonorType, digits: string, keys?: DataKeys) => lookupHash(identPurpose[type], digits, keys);
export const encryptIdent = (type: DonorType, digits: string, keys?: DataKeys) => encryptText(digits, identPurpose[type], keys);
export const decryptIdent = (type: DonorType, blob: Buffer, keys?: DataKeys) => decryptText(blob, identPurpose[type], keys);
export const mobileHash = (mobile: string, keys?: DataKeys) => lookupHash(MOBILE, mobile, keys);
export const encryptMobile = (mobile: string, keys?: DataKeys) => encryptText(mobile, MOBILE, keys);
export const decryptMobile = (blob: Buffer, keys?: DataKeys) => decryptText(blob, MOBILE, keys);
export const encryptSheba = (sheba: string, keys?: DataKeys) => encryptText(sheba, SHEBA, keys);
export const decryptSheba = (blob: Buffer, keys?: DataKeys) => decryptText(blob, SHEBA, keys);

/**
 * What a reader without an explicit reveal sees: the last four digits (maskDigits). A legal
 * person's national id is public (the official gazette publishes it) and is never masked.
 */
export function shownIdent(type: DonorType, blob: Buffer | null, reveal: boolean): string | null {
  if (!blob) return null;
  const value = decryptIdent(type, blob);
  return reveal || type === 'legal' ? value : maskDigits(value);
}

export function shownMobile(blob: Buffer | null, reveal: boolean): string | null {
  if (!blob) return null;
  const value = decryptMobile(blob);
  return reveal ? value : maskDigits(value);
}

export function shownSheba(blob: Buffer | null, reveal: boolean): string | null {
  if (!blob) return null;
  const value = decryptSheba(blob);
  return reveal ? value : maskDigits(value);
}

let checked = false;

/**
 * The data keys, after making sure the database was written with the same key (the first call
 * records the key's fingerprint). Writing with another key would make data nobody can read.
 */
export async function checkedDataKeys(db: Queryable): Promise<DataKeys> {
  const keys = dataKeys();
  if (checked) return keys;
  await db.query('INSERT INTO pii_key_check (fingerprint) VALUES ($1) ON CONFLICT DO NOTHING', [keys.fingerprint]);
  const { rows } = await db.query<{ fingerprint: Buffer }>('SELECT fingerprint FROM pii_key_check');
  if (!rows[0]?.fingerprint.equals(keys.fingerprint)) throw new AppError('DONOR_DATA_KEY_MISMATCH');
  checked = true;
  return keys;
}
