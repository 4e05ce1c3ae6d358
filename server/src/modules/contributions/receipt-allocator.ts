import pg from 'pg';
import type { Pool } from '../../db/pool.ts';

/**
 * Hands out receipt serials from blocks reserved in their own short transaction (hi-lo), so that a
 * gift's transaction never waits on its province's counter row: under a campaign peak, every gift
 * of a province would otherwise queue on that one row until commit. Serials stay unique per
 * province and year and increase within a process; a block left unused when a process stops
 * leaves a gap (receipts are identified by number and code, not by being consecutive).
 */
export class ReceiptAllocator {
  private blocks = new Map<string, { next: bigint; end: bigint; size: number; at: number }>();
  private pending = new Map<string, Promise<void>>();
  /** its own connections: a request holding one of the main pool's must never wait for another */
  private readonly pool: Pool;

  /**
   * Blocks start at `blockSize` serials and double (up to `maxBlockSize`) while a province uses one
   * up within seconds — a campaign peak — so a busy province takes a new block a few times a
   * minute, not many times a second; a quiet one leaves small gaps when the process stops.
   */
  constructor(main: Pool, private readonly blockSize = 50, private readonly maxBlockSize = 2000) {
    this.pool = new pg.Pool({ ...(main as unknown as { options: pg.PoolConfig }).options, max: 2 });
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  async next(provinceId: string, fiscalYear: number): Promise<bigint> {
    const key = `${provinceId}|${fiscalYear}`;
    for (;;) {
      const b = this.blocks.get(key);
      if (b && b.next <= b.end) return b.next++;
      let p = this.pending.get(key);
      if (!p) {
        p = this.reserve(key, provinceId, fiscalYear).finally(() => this.pending.delete(key));
        this.pending.set(key, p);
      }
      await p;
    }
  }

  /** Reserves `n` consecutive serials at once (bulk import) and returns the first. */
  async reserveRange(provinceId: string, fiscalYear: number, n: number): Promise<bigint> {
    const { rows } = await this.pool.query<{ last_no: bigint }>(
      `INSERT INTO receipt_counter (province_unit_id, fiscal_year, last_no) VALUES ($1, $2, $3)
       ON CONFLICT (province_unit_id, fiscal_year) DO UPDATE SET last_no = receipt_counter.last_no + $3 RETURNING last_no`,
      [provinceId, fiscalYear, n]);
    return rows[0]!.last_no - BigInt(n) + 1n;
  }

  private async reserve(key: string, provinceId: string, fiscalYear: number) {
    const last = this.blocks.get(key);
    const now = Date.now();
    const size = last && now - last.at < 10_000 ? Math.min(last.size * 2, this.maxBlockSize) : this.blockSize;
    const { rows } = await this.pool.query<{ last_no: bigint }>(
      `INSERT INTO receipt_counter (province_unit_id, fiscal_year, last_no) VALUES ($1, $2, $3)
       ON CONFLICT (province_unit_id, fiscal_year) DO UPDATE SET last_no = receipt_counter.last_no + $3 RETURNING last_no`,
      [provinceId, fiscalYear, size]);
    const end = rows[0]!.last_no;
    this.blocks.set(key, { next: end - BigInt(size) + 1n, end, size, at: now });
  }
}
