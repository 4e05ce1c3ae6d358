/** An audit/history summary object in one line: "name: شهرستان ری، parentId: …". */
export function summaryText(summary: unknown): string {
  if (summary === null || summary === undefined) return '';
  if (typeof summary !== 'object') return String(summary);
  return Object.entries(summary as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join('، ');
}
