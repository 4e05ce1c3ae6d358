import type { Queryable } from '../../db/pool.ts';

/** One payment out of a specific fund that a donor's gift helped pay for. */
export interface FundedSpendingItem {
  title: string;
  unitName: string;
  amountRials: bigint;
  paidAt: Date;
}

export interface FundedSpending {
  /** the part of this gift spent so far */
  spentRials: bigint;
  items: FundedSpendingItem[];
}

/**
 * What specific gifts have paid for, by contribution id. The spending module owns those facts; it
 * installs its reader here with `setFundedSpendingLookup` (the portal never reads its tables).
 * Until it does, every gift shows "nothing spent yet".
 */
export type FundedSpendingLookup = (db: Queryable, contributionIds: string[]) => Promise<Map<string, FundedSpending>>;

const none: FundedSpendingLookup = async () => new Map();
let lookup: FundedSpendingLookup = none;

export function setFundedSpendingLookup(fn: FundedSpendingLookup | null): void {
  lookup = fn ?? none;
}

export function fundedSpendingOf(db: Queryable, contributionIds: string[]): Promise<Map<string, FundedSpending>> {
  return contributionIds.length ? lookup(db, contributionIds) : Promise.resolve(new Map());
}
