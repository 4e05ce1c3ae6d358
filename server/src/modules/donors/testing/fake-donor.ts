import { generateMobile, generateNationalCode, type Rng } from '@mosharekat/fa';
import type { Pool } from '../../../db/pool.ts';
import { withTx } from '../../../db/pool.ts';
import { unitByCode } from '../../../testing/factories.ts';
import { systemContext } from '../../access/actor.ts';
import { createDonor, type CreateDonorInput } from '../create-donor.ts';

let seed = 20261129;
/** A deterministic random source for test data (Park–Miller), so failures reproduce. */
export const testRng: Rng = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

/**
 * A natural-person donor registered at the unit with `unitCode` (default HQ) through the real
 * operation, with a fresh valid national code and mobile unless given.
 */
export async function fakeDonor(pool: Pool, opts: Partial<CreateDonorInput> & { unitCode?: string } = {}) {
  const unit = await unitByCode(pool, opts.unitCode ?? 'HQ');
  const { unitCode: _unitCode, ...rest } = opts;
  const input = {
    type: 'natural', firstName: 'نیکوکار', lastName: `آزمایشی ${Math.floor(testRng() * 1e6)}`,
    nationalCode: generateNationalCode(testRng), mobiles: [generateMobile(testRng)], ...rest, unitId: unit.id,
  } as CreateDonorInput;
  return withTx(pool, (tx) => createDonor(tx, systemContext('test'), input));
}
