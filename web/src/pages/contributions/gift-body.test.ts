import { describe, expect, it } from 'vitest';
import { giftBody, nextGiftValues, type GiftValues } from './gift-body';

const base: GiftValues = { amountToman: '1250000', fundKind: 'general', channel: 'counter_cash', receivedOn: new Date(2025, 6, 23, 0, 0) };

describe('giftBody', () => {
  it('should send toman × 10 as a rials string when the amount is typed in toman', () => {
    expect(giftBody(base).amountRials).toBe('12500000');
  });

  it('should send the day received as a Jalali day', () => {
    expect(giftBody(base).receivedOn).toMatch(/^14\d\d\/\d\d\/\d\d$/);
  });

  it('should leave out the purpose and target group when the gift is general', () => {
    const body = giftBody({ ...base, purposeCode: 'orphans', targetGroupCode: 'orphans' });
    expect(body).not.toHaveProperty('purposeCode');
    expect(body).not.toHaveProperty('targetGroupCode');
  });

  it('should send the intent when the gift is specific', () => {
    const body = giftBody({ ...base, fundKind: 'specific', purposeCode: 'orphans', targetGroupCode: 'orphans' });
    expect(body).toMatchObject({ fundKind: 'specific', purposeCode: 'orphans', targetGroupCode: 'orphans' });
  });

  it('should send a reference typed in Persian digits as Latin digits and drop empty text', () => {
    const body = giftBody({ ...base, channel: 'pos', channelRef: ' ۱۲۳۴۵ ', notes: '  ' });
    expect(body.channelRef).toBe('12345');
    expect(body).not.toHaveProperty('notes');
    expect(body).not.toHaveProperty('donorId');
  });
});

describe('nextGiftValues', () => {
  it('should keep the unit, channel and day and go back to a general gift', () => {
    const next = nextGiftValues({ ...base, unitId: 'u1', fundKind: 'specific', purposeCode: 'orphans', channelRef: '9' });
    expect(next).toEqual({ unitId: 'u1', channel: 'counter_cash', receivedOn: base.receivedOn, fundKind: 'general' });
  });
});
