/** The part of Replicache's implementation that writes its in-memory state to IndexedDB. */
export interface Persisting {
  persist(): Promise<void>;
  experimentalWatch(callback: () => void): () => void;
}

/**
 * Replicache keeps changes in memory and writes them to IndexedDB on its own schedule: at the
 * next idle moment (up to 1 s), at most every 0.5 s. A reload in that window (a manager whose
 * Wi-Fi just dropped presses F5) came back without the last pulled orders, and an order taken
 * offline just before was gone for good. So every change is written at once; writes never
 * overlap (Replicache asserts that), and changes that arrive during a write share the next one.
 * Replicache's own scheduler calls `persist` on the instance, so it goes through the same queue.
 */
export function persistPromptly(rep: Persisting): () => void {
  const write = rep.persist.bind(rep);
  let running: Promise<void> | undefined;
  let again = false;
  const persist = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = write().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        hurry();
      }
    });
    return running;
  };
  // Replicache retries a failed write on its own schedule; a hurried one that fails is only reported.
  const hurry = () => void persist().catch((error: unknown) => console.error('kitchensync: writing the replica to IndexedDB failed', error));
  rep.persist = persist;
  return rep.experimentalWatch(hurry);
}
