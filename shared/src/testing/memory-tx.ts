import type { ReadonlyJSONValue, Tx } from '../tx.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * A Map-backed `Tx` for unit and property tests.
 *
 * Writes land at once and nothing is rolled back: Replicache and the server's savepoints would
 * hide a mutator that writes before it throws, this store shows it. Values are stored as frozen
 * JSON copies, as Replicache does, so a mutator that edits what it read fails loudly.
 */
export class MemoryTx implements Tx {
  readonly location: 'client' | 'server';
  readonly #data = new Map<string, ReadonlyJSONValue>();

  constructor(location: 'client' | 'server' = 'client', entries: Iterable<readonly [string, ReadonlyJSONValue]> = []) {
    this.location = location;
    for (const [key, value] of entries) this.#put(key, value);
  }

  async get(key: string): Promise<ReadonlyJSONValue | undefined> {
    return this.#data.get(key);
  }

  async set(key: string, value: ReadonlyJSONValue): Promise<void> {
    this.#put(key, value);
  }

  async del(key: string): Promise<boolean> {
    return this.#data.delete(key);
  }

  /** Values whose key starts with `prefix`, in key order (Replicache scans are sorted too). */
  scan({ prefix }: { prefix: string }): { toArray(): Promise<ReadonlyJSONValue[]> } {
    return { toArray: async () => this.entries(prefix).map(([, value]) => value) };
  }

  keys(prefix = ''): string[] {
    return [...this.#data.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  /** Every entry in key order. Stored values are frozen and replaced on write, so this is a snapshot. */
  entries(prefix = ''): [string, ReadonlyJSONValue][] {
    return this.keys(prefix).map((key) => [key, this.#data.get(key) as ReadonlyJSONValue]);
  }

  /** Every entry in key order, as one string: equal snapshots mean byte-for-byte equal stores. */
  snapshot(): string {
    return JSON.stringify(this.entries());
  }

  /** An independent copy, e.g. to replay the same calls on the "server". */
  clone(location: 'client' | 'server' = this.location): MemoryTx {
    return new MemoryTx(location, this.#data);
  }

  #put(key: string, value: ReadonlyJSONValue): void {
    this.#data.set(key, deepFreeze(JSON.parse(JSON.stringify(value)) as ReadonlyJSONValue));
  }
}
