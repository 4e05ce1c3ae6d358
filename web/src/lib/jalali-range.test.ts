import { describe, expect, it } from 'vitest';
import { instantRange } from './jalali-range';

describe('instantRange', () => {
  it('should cover whole Tehran days when both ends are given', () => {
    // 1404/05/01 = 2025-07-23; Tehran is UTC+03:30 (no DST since 1401).
    expect(instantRange('1404-05-01', '1404-05-02')).toEqual({
      from: '2025-07-22T20:30:00.000Z',
      to: '2025-07-24T20:30:00.000Z',
    });
  });

  it('should accept one end only', () => {
    expect(instantRange('1404-05-01', '')).toEqual({ from: '2025-07-22T20:30:00.000Z' });
    expect(instantRange('', '1404-05-01')).toEqual({ to: '2025-07-23T20:30:00.000Z' });
  });

  it('should swap a reversed range and ignore malformed days', () => {
    expect(instantRange('1404-05-02', '1404-05-01')).toEqual(instantRange('1404-05-01', '1404-05-02'));
    expect(instantRange('1404-13-01', 'x')).toEqual({});
  });
});
