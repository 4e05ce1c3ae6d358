// Someone who asked their system for less motion (vestibular disorders, distraction; WCAG 2.3.3)
// gets Ant Design without its animations: dialogs, menus and lists appear at once. The answer
// follows the system setting live.
import { useMemo, useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const prefersReducedMotion = () => window.matchMedia(QUERY).matches;

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}

/** An antd theme with its motion switched off for whoever asked for less (see above). */
export function useMotionTheme<T extends { token: object }>(theme: T): T & { token: { motion: boolean } } {
  const reduced = usePrefersReducedMotion();
  return useMemo(() => ({ ...theme, token: { ...theme.token, motion: !reduced } }), [theme, reduced]);
}
