// Solid dark tag colours (white text): antd's light preset tags fall short of 4.5:1 contrast.
export const TAG_COLORS = {
  ok: '#0a6b4d',
  bad: '#a8071a',
  general: '#1d4e89',
  specific: '#7c4a03',
  info: '#1d4e89',
  warning: '#873800',
} as const;

export const fundKindColor = (kind: string) => (kind === 'specific' ? TAG_COLORS.specific : TAG_COLORS.general);
