// The unit the user is looking at (header picker): starts at their home unit, kept per browser tab.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { OrgUnitSummary } from '../api/types';
import { useMe } from './auth';

interface WorkingUnitValue {
  unit: OrgUnitSummary;
  setUnit: (unit: OrgUnitSummary) => void;
}

const WorkingUnitContext = createContext<WorkingUnitValue | null>(null);
const storageKey = (userId: string) => `msk.unit.${userId}`;

function restore(userId: string): OrgUnitSummary | null {
  try {
    const raw = sessionStorage.getItem(storageKey(userId));
    return raw ? (JSON.parse(raw) as OrgUnitSummary) : null;
  } catch {
    return null;
  }
}

export function WorkingUnitProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const [unit, setUnitState] = useState<OrgUnitSummary>(() => restore(me.user.id) ?? me.unit);
  const setUnit = useCallback(
    (next: OrgUnitSummary) => {
      setUnitState(next);
      try {
        sessionStorage.setItem(storageKey(me.user.id), JSON.stringify(next));
      } catch {
        // storage full or disabled: the choice lasts until reload
      }
    },
    [me.user.id],
  );
  const value = useMemo(() => ({ unit, setUnit }), [unit, setUnit]);
  return <WorkingUnitContext.Provider value={value}>{children}</WorkingUnitContext.Provider>;
}

export function useWorkingUnit(): WorkingUnitValue {
  const value = useContext(WorkingUnitContext);
  if (!value) throw new Error('useWorkingUnit outside WorkingUnitProvider');
  return value;
}
