function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  // A change is recorded as { from, to }: show it as "before → after".
  if ('from' in value && 'to' in value) return `${valueText(value.from)} → ${valueText(value.to)}`;
  return JSON.stringify(value);
}

/** An audit/history summary object in one line: "name: شهرستان ری، parentId: …". */
export function summaryText(summary: unknown): string {
  if (summary === null || summary === undefined) return '';
  if (typeof summary !== 'object') return String(summary);
  return Object.entries(summary as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join('، ');
}
