import { useSyncExternalStore } from 'react';

type Clock = { now: number; listeners: Set<() => void>; timer: ReturnType<typeof setInterval> | undefined };
const clocks = new Map<number, Clock>();

function clockFor(periodMs: number): Clock {
  let clock = clocks.get(periodMs);
  if (!clock) {
    clock = { now: Date.now(), listeners: new Set(), timer: undefined };
    clocks.set(periodMs, clock);
  }
  return clock;
}

function subscribe(periodMs: number, listener: () => void): () => void {
  const clock = clockFor(periodMs);
  clock.listeners.add(listener);
  clock.timer ??= setInterval(() => {
    clock.now = Date.now();
    for (const l of clock.listeners) l();
  }, periodMs);
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size === 0 && clock.timer !== undefined) {
      clearInterval(clock.timer);
      clock.timer = undefined;
    }
  };
}

/** Current time, shared by every component ticking at the same period (one timer each). */
export function useClock(periodMs: number): number {
  return useSyncExternalStore(
    (l) => subscribe(periodMs, l),
    () => clockFor(periodMs).now,
  );
}
