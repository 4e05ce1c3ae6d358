import { describe, expect, it } from 'vitest';
import { summaryText } from './summary';

describe('summaryText', () => {
  it('should list the fields of a summary on one line', () => {
    expect(summaryText({ username: 'admin', demo: true })).toBe('username: admin، demo: true');
  });

  it('should show a recorded change as before → after', () => {
    expect(summaryText({ name: { from: 'اداره الف', to: 'اداره ب' } })).toBe('name: اداره الف → اداره ب');
  });

  it('should cope with empty and non-object summaries', () => {
    expect(summaryText(null)).toBe('');
    expect(summaryText('text')).toBe('text');
    expect(summaryText({ retiredAt: null })).toBe('retiredAt: —');
  });
});
