// Tables that scroll sideways (on phones) must be reachable by keyboard: their scroll containers
// get tabindex=0 while they overflow, so arrow keys can scroll them (axe: scrollable-region-focusable).
import { useEffect, useRef, type ReactNode } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body';

export function KeyboardScroll({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = () => {
      for (const element of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
        const overflows = element.scrollWidth > element.clientWidth + 1;
        if (overflows && !element.hasAttribute('tabindex')) {
          element.tabIndex = 0;
          element.dataset.keyboardScroll = 'true';
        } else if (!overflows && element.dataset.keyboardScroll) {
          element.removeAttribute('tabindex');
          delete element.dataset.keyboardScroll;
        }
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(root, { childList: true, subtree: true });
    window.addEventListener('resize', mark);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', mark);
    };
  }, []);
  return <div ref={ref}>{children}</div>;
}
