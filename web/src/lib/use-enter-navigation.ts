// Fast keyboard entry for long forms: Enter moves to the next field (after a dropdown or a date
// picker has taken the choice), Ctrl+Enter (⌘+Enter) submits from anywhere. Put the returned
// handler on the form's container as onKeyDownCapture, so it runs before the fields' own handlers.
import { useCallback, type KeyboardEvent } from 'react';

const FIELDS = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), button[type="submit"]:not([disabled])';

function visible(element: HTMLElement): boolean {
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** The fields in tab order as a person sees them: one stop per radio group (its checked radio). */
export function fieldStops(container: HTMLElement): HTMLElement[] {
  const radiosSeen = new Set<string>();
  const stops: HTMLElement[] = [];
  for (const element of container.querySelectorAll<HTMLElement>(FIELDS)) {
    if (element.tabIndex < 0 && !(element instanceof HTMLInputElement && element.type === 'radio')) continue;
    if (element instanceof HTMLInputElement && element.type === 'radio') {
      const group = element.name || element.closest('[role="radiogroup"]')?.id || 'radio';
      if (radiosSeen.has(group)) continue;
      const checked = container.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(element.name)}"]:checked`);
      radiosSeen.add(group);
      stops.push(element.name && checked ? checked : element);
      continue;
    }
    if (element instanceof HTMLInputElement && element.type === 'file') continue;
    if (!visible(element) && !(element instanceof HTMLInputElement && element.closest('.ant-select'))) continue;
    stops.push(element);
  }
  return stops;
}

function focusNext(container: HTMLElement, from: HTMLElement): void {
  const stops = fieldStops(container);
  const index = stops.findIndex((stop) => stop === from || stop.contains(from));
  const next = stops[index + 1];
  if (!next) return;
  next.focus();
  if (next instanceof HTMLInputElement && next.type === 'text' && !next.closest('.ant-select, .ant-picker')) next.select();
}

export function useEnterNavigation(submit: () => void) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
      const target = event.target as HTMLElement;
      const container = event.currentTarget;
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        event.stopPropagation();
        submit();
        return;
      }
      if (event.shiftKey || event.altKey || target instanceof HTMLTextAreaElement) return;
      // Buttons and links keep their own Enter (the submit button submits).
      if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
      const expanded = target.getAttribute('aria-expanded') === 'true';
      if (expanded || target.closest('.ant-picker')) {
        // An open list picks its active option, a date picker commits the typed day (both still see
        // the key); then move on. preventDefault keeps the browser from submitting the form on Enter
        // and the date picker from reopening.
        event.preventDefault();
        setTimeout(() => focusNext(container, target), 0);
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      focusNext(container, target);
    },
    [submit],
  );
}
