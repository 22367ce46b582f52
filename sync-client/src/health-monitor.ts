import { createStore, type ReadableStore } from './store.ts';
import { computeHealth, initialFacts, observePending, type SyncFacts, type SyncHealth } from './sync-health.ts';

export interface HealthMonitorOptions {
  readonly countPending: () => Promise<number>;
  readonly stuckAfterMs: number;
  readonly tickMs: number;
  readonly now?: () => number;
}

export interface HealthMonitor {
  readonly store: ReadableStore<SyncHealth>;
  update(patch: Partial<SyncFacts>): void;
  /** Re-reads the pending count now (after a mutation or a pull). */
  refresh(): void;
  stop(): void;
}

/** Keeps a SyncHealth store current: facts pushed in by the client, pending count polled. */
export function createHealthMonitor(options: HealthMonitorOptions): HealthMonitor {
  const now = options.now ?? Date.now;
  let facts: SyncFacts = {
    ...initialFacts,
    browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  };
  const store = createStore<SyncHealth>(computeHealth(facts, now(), options.stuckAfterMs));
  const publish = () => store.set(computeHealth(facts, now(), options.stuckAfterMs));
  let reading = false;
  let again = false;
  let stopped = false;

  const refresh = () => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    options
      .countPending()
      .then((count) => {
        facts = observePending(facts, count, now());
      })
      .catch(() => undefined)
      .finally(() => {
        reading = false;
        if (stopped) return;
        publish();
        if (again) {
          again = false;
          refresh();
        }
      });
  };
  const interval = setInterval(refresh, options.tickMs);
  refresh();

  return {
    store,
    update(patch) {
      facts = { ...facts, ...patch };
      publish();
    },
    refresh,
    stop() {
      stopped = true;
      clearInterval(interval);
    },
  };
}
