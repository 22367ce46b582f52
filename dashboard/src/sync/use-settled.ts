import { useEffect, useState } from 'react';

/** True once `condition` has held for `ms` without interruption (debounces flickering states). */
export function useSettled(condition: boolean, ms: number): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    setSettled(false);
    if (!condition) return undefined;
    const id = setTimeout(() => setSettled(true), ms);
    return () => clearTimeout(id);
  }, [condition, ms]);
  return condition && settled;
}
