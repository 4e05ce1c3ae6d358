import { useEffect, useRef, useState } from 'react';

const POLL_MS = 800;

/** The state of a background import, as any import's progress endpoint returns it. */
export interface ImportState {
  status: string;
}

/**
 * Follows a background import: loads its state every 0.8 s while it is queued or running, waits
 * longer after a failed poll, and calls `onFinished` once when it is done or failed. Only a new
 * import id restarts the polling (the callback is read at the moment it fires).
 */
export function useImportProgress<T extends ImportState>(importId: string, load: (id: string) => Promise<T>, onFinished: (result: T) => void) {
  const [state, setState] = useState<T | null>(null);
  const [pollError, setPollError] = useState<unknown>();
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const next = await loadRef.current(importId);
        if (!live) return;
        setState(next);
        setPollError(undefined);
        if (next.status === 'queued' || next.status === 'running') timer = setTimeout(() => void tick(), POLL_MS);
        else finishedRef.current(next);
      } catch (error) {
        if (!live) return;
        setPollError(error);
        timer = setTimeout(() => void tick(), POLL_MS * 4);
      }
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [importId]);

  const finished = state !== null && state.status !== 'queued' && state.status !== 'running';
  return { state, pollError, finished };
}
