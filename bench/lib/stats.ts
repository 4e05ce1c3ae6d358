import fs from 'node:fs';

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Summary { median: number; min: number; max: number; runs: number[] }

export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  return { median: percentile(s, 50), min: s[0]!, max: s.at(-1)!, runs: values };
}

export function rssMb(pid?: number): number {
  if (pid === undefined) return process.memoryUsage().rss / 1048576;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
