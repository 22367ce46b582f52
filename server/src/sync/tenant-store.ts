import { DomainError, keyPrefix, parseKey, type ReadonlyJSONValue, type Tx } from '@kitchensync/shared';
import type { Queryable } from '../db/database.ts';
import { deleteEntities, entitiesSql, getEntities, isStoredKind, scanEntities, ticketItemsPart, upsertEntities, type StoredKind } from '../db/entities.ts';
import { insertCustomerTokens, type NewToken } from '../db/customer-tokens.ts';
import { deleteRejections, getRejection, scanRejections } from '../db/rejections.ts';
import type { StatementBatch } from '../db/statement-batch.ts';
import { isStorableJson, isStorableText } from '../db/storable-text.ts';

type Value = ReadonlyJSONValue | null; // null: known to be absent

/** A key whose text Postgres cannot hold names no row: reading it finds nothing, without asking SQL. */
const storableKey = (key: string) => isStorableText(key) && isStorableText(parseKey(key)?.id ?? '');

/** Appends `value` to the list under `key`. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * One tenant's rows as mutators see them during a serialised write, in one buffer: each row read
 * from Postgres (once) or written by a mutation, with the keys written since the last flush. A
 * mutation writes straight into the buffer and keeps an undo log, so a failed one is rolled back
 * (the savepoint of DESIGN.md, without a round trip); what stays is flushed in set-based parts of
 * one statement.
 */
export class TenantStore {
  private readonly rows = new Map<string, Value>();
  private readonly written = new Set<string>();
  private readonly scanned = new Set<string>();
  /** Customer tokens issued by this write's mutations, stored with their rows. */
  readonly tokens: NewToken[] = [];

  constructor(
    readonly q: Queryable,
    readonly tenantId: string,
    /** Rejection keys are visible only to the client group that pushed. */
    readonly clientGroupId?: string,
  ) {}

  /** A transaction for one mutation. */
  begin(): MutationTx {
    return new MutationTx(this);
  }

  async load(key: string): Promise<Value> {
    if (!this.rows.has(key)) this.rows.set(key, await this.fetch(key));
    return this.rows.get(key) ?? null;
  }

  private async fetch(key: string): Promise<Value> {
    const parsed = parseKey(key);
    if (!parsed || !storableKey(key)) return null;
    if (!isStoredKind(parsed.kind)) return this.clientGroupId ? ((await getRejection(this.q, this.clientGroupId, key)) ?? null) : null;
    return (await getEntities(this.q, this.tenantId, new Map([[parsed.kind, [parsed.id]]])))[0]?.data ?? null;
  }

  /**
   * Plans loading many keys of any kinds at once, so a batch of mutations does not read row by row:
   * the SQL to select those not known yet (for `readPushState`), and `loaded` to record the answer.
   */
  planLoad(keys: Iterable<string>) {
    const wanted = new Map<StoredKind, string[]>();
    const asked: string[] = [];
    for (const key of keys) {
      const parsed = parseKey(key);
      if (!parsed || !isStoredKind(parsed.kind) || !storableKey(key) || this.rows.has(key)) continue;
      push(wanted, parsed.kind, parsed.id);
      asked.push(key);
    }
    return {
      sql: asked.length === 0 ? undefined : (param: (value: unknown) => string) => entitiesSql(this.tenantId, wanted, param),
      loaded: (rows: readonly { key: string; data: ReadonlyJSONValue }[]) => {
        const found = new Map(rows.map((r) => [r.key, r.data]));
        for (const key of asked) this.rows.set(key, found.get(key) ?? null);
      },
    };
  }

  /** Entries under `prefix`, as stored plus written, in key order. */
  async scan(prefix: string): Promise<[string, ReadonlyJSONValue][]> {
    if (!this.scanned.has(prefix)) {
      for (const [key, value] of await this.fetchPrefix(prefix)) if (!this.rows.has(key)) this.rows.set(key, value);
      this.scanned.add(prefix);
    }
    return [...this.rows]
      .filter((e): e is [string, ReadonlyJSONValue] => e[0].startsWith(prefix) && e[1] !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private async fetchPrefix(prefix: string): Promise<[string, Value][]> {
    const kind = (Object.keys(keyPrefix) as (keyof typeof keyPrefix)[]).find((k) => prefix.startsWith(keyPrefix[k]));
    if (!kind || !isStorableText(prefix)) return [];
    if (!isStoredKind(kind)) return this.clientGroupId ? (await scanRejections(this.q, this.clientGroupId, prefix)).map((r) => [r.key, r.data]) : [];
    return (await scanEntities(this.q, this.tenantId, kind, prefix.slice(keyPrefix[kind].length))).map((r) => [keyPrefix[kind] + r.id, r.data]);
  }

  /** Writes `value` and returns what to restore to undo it. */
  write(key: string, value: Value): () => void {
    const [had, before, wasWritten] = [this.rows.has(key), this.rows.get(key), this.written.has(key)];
    this.rows.set(key, value);
    this.written.add(key);
    return () => {
      if (had) this.rows.set(key, before as Value);
      else this.rows.delete(key);
      if (!wasWritten) this.written.delete(key);
    };
  }

  /** Adds what was written since the last flush to `b` (one part per table) and starts afresh. */
  flushInto(b: StatementBatch): void {
    const puts = new Map<StoredKind, { id: string; data: ReadonlyJSONValue }[]>();
    const dels = new Map<StoredKind, string[]>();
    const rejectionDels: string[] = [];
    for (const key of this.written) {
      const parsed = parseKey(key);
      const value = this.rows.get(key) ?? null;
      if (!parsed) continue;
      if (!isStoredKind(parsed.kind)) {
        if (value === null) rejectionDels.push(key);
      } else if (value === null) push(dels, parsed.kind, parsed.id);
      else push(puts, parsed.kind, { id: parsed.id, data: value });
    }
    for (const [kind, rows] of puts) upsertEntities(b, this.tenantId, kind, rows);
    for (const [kind, ids] of dels) deleteEntities(b, this.tenantId, kind, ids);
    ticketItemsPart(b, this.tenantId, (puts.get('kitchenOrder') ?? []) as never);
    if (this.clientGroupId) deleteRejections(b, this.clientGroupId, rejectionDels);
    insertCustomerTokens(b, this.tenantId, this.tokens.splice(0));
    this.written.clear();
  }
}

/** The `Tx` one server-side mutation runs against: it writes into the store, remembering how to undo. */
export class MutationTx implements Tx {
  readonly location = 'server' as const;
  /** Keys this mutation wrote, in order. */
  readonly writes = new Map<string, Value>();
  private readonly undo: (() => void)[] = [];
  private readonly tokensBefore: number;

  constructor(private readonly store: TenantStore) {
    this.tokensBefore = store.tokens.length;
  }

  async get(key: string): Promise<ReadonlyJSONValue | undefined> {
    return (await this.store.load(key)) ?? undefined;
  }

  async set(key: string, value: ReadonlyJSONValue): Promise<void> {
    const parsed = parseKey(key);
    if (!parsed || parsed.kind === 'rejection') {
      throw new DomainError('invalid_args', `mutators cannot write ${key}`);
    }
    // Caught here, the bad text rejects this one mutation; at flush it would fail the whole push.
    if (!storableKey(key) || !isStorableJson(value)) throw new DomainError('invalid_args', 'text contains characters that cannot be stored (NUL or a lone surrogate)');
    this.record(key, value);
  }

  async del(key: string): Promise<boolean> {
    const existed = (await this.get(key)) !== undefined;
    this.record(key, null);
    return existed;
  }

  private record(key: string, value: Value): void {
    this.undo.push(this.store.write(key, value));
    this.writes.set(key, value);
  }

  /** Issues a customer token with this mutation's writes (dropped with them). */
  issueToken(token: NewToken): void {
    this.store.tokens.push(token);
  }

  scan({ prefix }: { prefix: string }) {
    return { toArray: async (): Promise<ReadonlyJSONValue[]> => (await this.store.scan(prefix)).map(([, value]) => value) };
  }

  /** Undoes every write of this mutation, newest first. */
  rollback(): void {
    for (const undo of this.undo.splice(0).reverse()) undo();
    this.store.tokens.splice(this.tokensBefore);
    this.writes.clear();
  }
}
