import { DomainError, keyPrefix, kindOf, parseKey, type ReadonlyJSONValue, type Tx } from '@kitchensync/shared';
import type { Queryable } from '../db/database.ts';
import { deleteEntities, entitiesSql, getEntities, isStoredKind, scanEntities, ticketItemsPart, upsertEntities, type StoredKind } from '../db/entities.ts';
import { insertCustomerTokens, type NewToken } from '../db/customer-tokens.ts';
import { deleteRejections, getRejection, scanRejections } from '../db/rejections.ts';
import type { StatementBatch } from '../db/statement-batch.ts';
import { isStorableJson, isStorableText } from '../db/storable-text.ts';
import type { Journal } from './journal.ts';

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
 * Where a key's row is kept in the buffer: a rejection belongs to the client group that pushed it
 * (and only that group may read or dismiss it), every other row to the tenant. NUL never occurs in
 * a stored key, so the two cannot collide.
 */
function slotOf(keyOrPrefix: string, group: string | undefined): string {
  const kind = kindOf(keyOrPrefix);
  return kind !== undefined && isStoredKind(kind) ? keyOrPrefix : `${group ?? ''}\0${keyOrPrefix}`;
}

const keyOf = (slot: string) => slot.slice(slot.indexOf('\0') + 1);
const groupOf = (slot: string) => (slot.includes('\0') ? slot.slice(0, slot.indexOf('\0')) : undefined);

/** Which rows to read up front for `keys` (of any kinds), in one statement: see `TenantStore.loaded`. */
export function rowsToLoad(tenantId: string, keys: Iterable<string>) {
  const wanted = new Map<StoredKind, string[]>();
  const asked: string[] = [];
  for (const key of new Set(keys)) {
    const parsed = parseKey(key);
    if (!parsed || !isStoredKind(parsed.kind) || !storableKey(key)) continue;
    push(wanted, parsed.kind, parsed.id);
    asked.push(key);
  }
  return { asked, sql: asked.length === 0 ? undefined : (param: (value: unknown) => string) => entitiesSql(tenantId, wanted, param) };
}

/**
 * One tenant's rows as mutators see them during a serialised write, in one buffer: each row read
 * from Postgres (once) or written by a mutation, with the keys written since the last flush. Each
 * write is recorded in the write's journal, so a failed mutation or job is undone; what stays is
 * flushed in set-based parts of one statement.
 */
export class TenantStore {
  private readonly rows = new Map<string, Value>();
  private readonly written = new Set<string>();
  private readonly scanned = new Set<string>();
  /** Customer tokens issued by this write's mutations, stored with their rows. */
  private readonly tokens: NewToken[] = [];
  /** Rows asked for in this turn, not yet sent (`fetchTogether`). */
  private asked: { wanted: Map<StoredKind, string[]>; found: Promise<Map<string, ReadonlyJSONValue>> } | undefined;

  constructor(
    readonly q: Queryable,
    readonly tenantId: string,
    readonly journal: Journal,
  ) {}

  /** A transaction for one mutation; `group` is the client group that pushed it, if any. */
  begin(group?: string): MutationTx {
    return new MutationTx(this, group);
  }

  async load(key: string, group?: string): Promise<Value> {
    const slot = slotOf(key, group);
    if (!this.rows.has(slot)) this.rows.set(slot, await this.fetch(key, group));
    return this.rows.get(slot) ?? null;
  }

  private async fetch(key: string, group: string | undefined): Promise<Value> {
    const parsed = parseKey(key);
    if (!parsed || !storableKey(key)) return null;
    if (!isStoredKind(parsed.kind)) return group ? ((await getRejection(this.q, group, key)) ?? null) : null;
    return (await this.fetchTogether(parsed.kind, parsed.id)).get(key) ?? null;
  }

  /**
   * Rows asked for in the same turn (a mutator's `Promise.all` of gets) go as one statement, sent
   * when the turn ends: the rows found, by key.
   */
  private fetchTogether(kind: StoredKind, id: string): Promise<ReadonlyMap<string, ReadonlyJSONValue>> {
    if (!this.asked) {
      const wanted = new Map<StoredKind, string[]>();
      const found = Promise.resolve().then(async () => {
        this.asked = undefined;
        return new Map((await getEntities(this.q, this.tenantId, wanted)).map((r) => [r.key, r.data]));
      });
      this.asked = { wanted, found };
    }
    push(this.asked.wanted, kind, id);
    return this.asked.found;
  }

  /** Records rows read up front (`rowsToLoad`): each asked key not found is known to be absent. */
  loaded(asked: readonly string[], rows: readonly { key: string; data: ReadonlyJSONValue }[]): void {
    const found = new Map(rows.map((r) => [r.key, r.data]));
    for (const key of asked) if (!this.rows.has(key)) this.rows.set(key, found.get(key) ?? null);
  }

  /** Entries under `prefix`, as stored plus written, in key order. */
  async scan(prefix: string, group?: string): Promise<[string, ReadonlyJSONValue][]> {
    const slotPrefix = slotOf(prefix, group);
    if (!this.scanned.has(slotPrefix)) {
      for (const [key, value] of await this.fetchPrefix(prefix, group)) {
        const slot = slotOf(key, group);
        if (!this.rows.has(slot)) this.rows.set(slot, value);
      }
      this.scanned.add(slotPrefix);
    }
    return [...this.rows]
      .filter((e): e is [string, ReadonlyJSONValue] => e[0].startsWith(slotPrefix) && e[1] !== null)
      .map(([slot, value]): [string, ReadonlyJSONValue] => [keyOf(slot), value])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private async fetchPrefix(prefix: string, group: string | undefined): Promise<[string, Value][]> {
    const kind = kindOf(prefix);
    if (!kind || !isStorableText(prefix)) return [];
    if (!isStoredKind(kind)) return group ? (await scanRejections(this.q, group, prefix)).map((r) => [r.key, r.data]) : [];
    return (await scanEntities(this.q, this.tenantId, kind, prefix.slice(keyPrefix[kind].length))).map((r) => [keyPrefix[kind] + r.id, r.data]);
  }

  /** Writes `value`, remembering how to undo it. */
  write(key: string, value: Value, group?: string): void {
    const slot = slotOf(key, group);
    const [had, before, wasWritten] = [this.rows.has(slot), this.rows.get(slot), this.written.has(slot)];
    this.rows.set(slot, value);
    this.written.add(slot);
    this.journal.record(() => {
      if (had) this.rows.set(slot, before as Value);
      else this.rows.delete(slot);
      if (!wasWritten) this.written.delete(slot);
    });
  }

  /** Issues a customer token with the current mutation's writes (dropped with them). */
  issueToken(token: NewToken): void {
    this.journal.push(this.tokens, token);
  }

  /** Adds what was written since the last flush to `b` (one part per table) and starts afresh; whether there was any. */
  flushInto(b: StatementBatch): boolean {
    const puts = new Map<StoredKind, { id: string; data: ReadonlyJSONValue }[]>();
    const dels = new Map<StoredKind, string[]>();
    const dismissed = new Map<string, string[]>();
    for (const slot of this.written) {
      const value = this.rows.get(slot) ?? null;
      const [group, key] = [groupOf(slot), keyOf(slot)];
      const parsed = parseKey(key);
      if (group !== undefined) {
        if (value === null) push(dismissed, group, key);
      } else if (parsed && isStoredKind(parsed.kind)) {
        if (value === null) push(dels, parsed.kind, parsed.id);
        else push(puts, parsed.kind, { id: parsed.id, data: value });
      }
    }
    for (const [kind, rows] of puts) upsertEntities(b, this.tenantId, kind, rows);
    for (const [kind, ids] of dels) deleteEntities(b, this.tenantId, kind, ids);
    ticketItemsPart(b, this.tenantId, (puts.get('kitchenOrder') ?? []) as never);
    deleteRejections(b, dismissed);
    insertCustomerTokens(b, this.tenantId, this.tokens.splice(0));
    const wrote = this.written.size > 0;
    this.written.clear();
    return wrote;
  }
}

/** The `Tx` one server-side mutation runs against: it writes into the store, which can undo it. */
export class MutationTx implements Tx {
  readonly location = 'server' as const;
  /** Keys this mutation wrote, in order. */
  readonly writes = new Map<string, Value>();
  private readonly start: number;

  constructor(
    private readonly store: TenantStore,
    /** The client group that pushed the mutation: the only one whose rejections it sees. */
    private readonly group?: string,
  ) {
    this.start = store.journal.mark();
  }

  async get(key: string): Promise<ReadonlyJSONValue | undefined> {
    return (await this.store.load(key, this.group)) ?? undefined;
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
    this.store.write(key, value, this.group);
    this.writes.set(key, value);
  }

  /** Issues a customer token with this mutation's writes (dropped with them). */
  issueToken(token: NewToken): void {
    this.store.issueToken(token);
  }

  scan({ prefix }: { prefix: string }) {
    return { toArray: async (): Promise<ReadonlyJSONValue[]> => (await this.store.scan(prefix, this.group)).map(([, value]) => value) };
  }

  /** Undoes every write of this mutation. */
  rollback(): void {
    this.store.journal.rollbackTo(this.start);
    this.writes.clear();
  }
}
