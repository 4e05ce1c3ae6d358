import crypto from 'node:crypto';
import type { Queryable } from '../../db/pool.ts';

/**
 * The next receipt serial of a province in a fiscal year. The counter row is locked until commit,
 * so numbers are unique and, as receipts are never deleted, gap-free except for rolled-back attempts
 * (which return their number with the rollback).
 */
export async function nextReceiptSerial(tx: Queryable, provinceUnitId: string, fiscalYear: number, count = 1): Promise<bigint> {
  const { rows } = await tx.query<{ last_no: bigint }>(
    `INSERT INTO receipt_counter (province_unit_id, fiscal_year, last_no) VALUES ($1, $2, $3)
     ON CONFLICT (province_unit_id, fiscal_year) DO UPDATE SET last_no = receipt_counter.last_no + $3
     RETURNING last_no`,
    [provinceUnitId, fiscalYear, count],
  );
  return rows[0]!.last_no - BigInt(count) + 1n;
}

/** 1404-07-000123: fiscal year, month received, serial within the province and year. */
export function formatReceiptNo(fiscalYear: number, fiscalMonth: number, serial: bigint): string {
  return `${fiscalYear}-${String(fiscalMonth).padStart(2, '0')}-${serial.toString().padStart(6, '0')}`;
}

// Crockford base32 without I, L, O, U: easy to read aloud and type from a paper receipt.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short, unguessable public code (60 bits: collisions stay negligible at tens of millions) for the verification page and QR code. */
export function newReceiptCode(): string {
  const bytes = crypto.randomBytes(12);
  let out = '';
  for (let i = 0; i < 12; i++) out += alphabet[bytes[i]! & 31];
  return out;
}
