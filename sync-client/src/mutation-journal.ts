/** A mutation as Replicache lists it while pending. */
export interface JournalEntry {
  readonly clientID: string;
  readonly id: number;
  readonly name: string;
  readonly args: unknown;
}

/** Where the journal survives a reload (localStorage in browsers). */
export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface MutationJournal {
  record(pending: readonly JournalEntry[]): void;
  /** The name and args of one of our mutations, if it was seen while pending. */
  get(clientID: string, mutationID: number): JournalEntry | undefined;
}

const keyOf = (clientID: string, id: number) => `${clientID}/${id}`;

/**
 * Remembers the last `limit` pending mutations, so that when the server rejects one the screen
 * can say what was undone (a rejection carries only the mutation's name and id).
 */
export function createMutationJournal(limit = 300, storage?: { store: JournalStorage; key: string }): MutationJournal {
  const entries = new Map<string, JournalEntry>(load(storage).map((e) => [keyOf(e.clientID, e.id), e]));
  return {
    record(pending) {
      let added = false;
      for (const m of pending) {
        const key = keyOf(m.clientID, m.id);
        if (entries.has(key)) continue;
        entries.set(key, { clientID: m.clientID, id: m.id, name: m.name, args: m.args });
        added = true;
      }
      if (!added) return;
      for (const key of [...entries.keys()].slice(0, Math.max(0, entries.size - limit))) entries.delete(key);
      save(storage, [...entries.values()]);
    },
    get: (clientID, mutationID) => entries.get(keyOf(clientID, mutationID)),
  };
}

function load(storage: { store: JournalStorage; key: string } | undefined): JournalEntry[] {
  try {
    const raw = storage?.store.getItem(storage.key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as JournalEntry[]) : [];
  } catch {
    return [];
  }
}

function save(storage: { store: JournalStorage; key: string } | undefined, entries: JournalEntry[]): void {
  try {
    storage?.store.setItem(storage.key, JSON.stringify(entries));
  } catch {
    // Storage full or unavailable: the journal still works for this session.
  }
}
