import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs` (timers, ages and ETAs tick with it). */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
