/**
 * Every journal has one of these kinds. Each exists for a business event; a new event gets a new
 * kind (and a migration extending the CHECK), never a reuse of an old one.
 */
export const journalKinds = {
  /** money given: debit the custody that received it (the province's central account), credit the fund its intent names */
  contribution: 'contribution',
  /** a contribution recorded by mistake, undone line for line (the receipt becomes void) */
  contribution_reversal: 'contribution_reversal',
  /** the province hands a county's money on: custody moves central → county spending account, earmark unchanged */
  pass_down: 'pass_down',
  /** a pass-down posted in error, undone */
  pass_down_reversal: 'pass_down_reversal',
  /** approved spending paid: debit the fund, credit the custody that paid */
  spending: 'spending',
  /** a payment that bounced or was posted in error */
  spending_reversal: 'spending_reversal',
  /** balances carried over from the spreadsheets when a unit starts using the system */
  opening_balance: 'opening_balance',
} as const;
export type JournalKind = keyof typeof journalKinds;
