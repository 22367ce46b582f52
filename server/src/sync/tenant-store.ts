import { DomainError, keyPrefix, parseKey, type ReadonlyJSONValue, type Tx } from '@kitchensync/shared';
import type { Queryable } from '../db/database.ts';
import { deleteEntities, getEntities, getEntity, isStoredKind, scanEntities, upsertEntities, upsertTicketItems, type StoredKind } from '../db/entities.ts';
import { insertCustomerTokens, type NewToken } from '../db/customer-tokens.ts';
import { deleteRejections, getRejection, scanRejections } from '../db/rejections.ts';
import { isStorableJson, isStorableText } from '../db/storable-text.ts';

type Value = ReadonlyJSONValue | null; // null: known to be absent

/** A key whose text Postgres cannot hold names no row: reading it finds nothing, without asking SQL. */
const storableKey = (key: string) => isStorableText(key) && isStorableText(parseKey(key)?.id ?? '');

/**
 * One tenant's rows as mutators see them during a serialised write. Reads go to Postgres once and
 * are cached; each mutation writes into its own overlay, which is merged on success and dropped
 * on failure (the savepoint of DESIGN.md, without a round trip); everything merged is flushed
 * in a few set-based statements at the end.
 */
export class TenantStore {
  private readonly cache = new Map<string, Value>();
  private readonly scanned = new Set<string>();
  private readonly dirty = new Map<string, Value>();
  private readonly tokens: NewToken[] = [];

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
    if (this.dirty.has(key)) return this.dirty.get(key) ?? null;
    if (this.cache.has(key)) return this.cache.get(key) ?? null;
    const value = await this.fetch(key);
    this.cache.set(key, value);
    return value;
  }

  private async fetch(key: string): Promise<Value> {
    const parsed = parseKey(key);
    if (!parsed || !storableKey(key)) return null;
    if (parsed.kind === 'rejection') {
      return this.clientGroupId ? ((await getRejection(this.q, this.clientGroupId, key)) ?? null) : null;
    }
    return (await getEntity(this.q, this.tenantId, parsed.kind, parsed.id)) ?? null;
  }

  /** Loads many keys in one query per kind, so a batch of mutations does not read row by row. */
  async prefetch(keys: Iterable<string>): Promise<void> {
    const wanted = new Map<StoredKind, string[]>();
    for (const key of keys) {
      const parsed = parseKey(key);
      if (!parsed || !isStoredKind(parsed.kind) || !storableKey(key) || this.cache.has(key) || this.dirty.has(key)) continue;
      wanted.set(parsed.kind, [...(wanted.get(parsed.kind) ?? []), parsed.id]);
    }
    for (const [kind, ids] of wanted) {
      const found = new Map((await getEntities(this.q, this.tenantId, kind, ids)).map((r) => [r.id, r.data]));
      for (const id of ids) this.cache.set(keyPrefix[kind] + id, found.get(id) ?? null);
    }
  }

  /** Entries under `prefix`, as stored plus merged writes, in key order. */
  async scanBase(prefix: string): Promise<Map<string, Value>> {
    if (!this.scanned.has(prefix)) {
      for (const [key, value] of await this.fetchPrefix(prefix)) {
        if (!this.cache.has(key)) this.cache.set(key, value);
      }
      this.scanned.add(prefix);
    }
    const out = new Map<string, Value>();
    for (const source of [this.cache, this.dirty]) {
      for (const [key, value] of source) if (key.startsWith(prefix)) out.set(key, value);
    }
    return out;
  }

  private async fetchPrefix(prefix: string): Promise<[string, Value][]> {
    const kind = (Object.keys(keyPrefix) as (keyof typeof keyPrefix)[]).find((k) => prefix.startsWith(keyPrefix[k]));
    if (!kind || !isStorableText(prefix)) return [];
    const idPrefix = prefix.slice(keyPrefix[kind].length);
    if (kind === 'rejection') {
      if (!this.clientGroupId) return [];
      return (await scanRejections(this.q, this.clientGroupId, prefix)).map((r) => [r.key, r.data]);
    }
    return (await scanEntities(this.q, this.tenantId, kind, idPrefix)).map((r) => [keyPrefix[kind] + r.id, r.data]);
  }

  merge(writes: ReadonlyMap<string, Value>, tokens: readonly NewToken[] = []): void {
    for (const [key, value] of writes) this.dirty.set(key, value);
    this.tokens.push(...tokens);
  }

  /** Drops what was merged since the last flush (its savepoint was rolled back). */
  discard(): void {
    this.dirty.clear();
    this.tokens.splice(0);
  }

  async flush(): Promise<void> {
    const puts = new Map<StoredKind, { id: string; data: ReadonlyJSONValue }[]>();
    const dels = new Map<StoredKind, string[]>();
    const rejectionDels: string[] = [];
    for (const [key, value] of this.dirty) {
      const parsed = parseKey(key);
      if (!parsed) continue;
      if (!isStoredKind(parsed.kind)) {
        if (value === null) rejectionDels.push(key);
        continue;
      }
      const kind = parsed.kind;
      if (value === null) dels.set(kind, [...(dels.get(kind) ?? []), parsed.id]);
      else puts.set(kind, [...(puts.get(kind) ?? []), { id: parsed.id, data: value }]);
    }
    for (const [kind, rows] of puts) await upsertEntities(this.q, this.tenantId, kind, rows);
    for (const [kind, ids] of dels) await deleteEntities(this.q, this.tenantId, kind, ids);
    await upsertTicketItems(this.q, this.tenantId, (puts.get('kitchenOrder') ?? []) as never);
    if (this.clientGroupId) await deleteRejections(this.q, this.clientGroupId, rejectionDels);
    await insertCustomerTokens(this.q, this.tenantId, this.tokens.splice(0));
    for (const [key, value] of this.dirty) this.cache.set(key, value);
    this.dirty.clear();
  }
}

/** The `Tx` one server-side mutation runs against. */
export class MutationTx implements Tx {
  readonly location = 'server' as const;
  readonly writes = new Map<string, Value>();
  /** Customer tokens this mutation issues; stored with its writes, dropped with them. */
  readonly newTokens: NewToken[] = [];

  constructor(private readonly store: TenantStore) {}

  async get(key: string): Promise<ReadonlyJSONValue | undefined> {
    const value = this.writes.has(key) ? this.writes.get(key) : await this.store.load(key);
    return value ?? undefined;
  }

  async set(key: string, value: ReadonlyJSONValue): Promise<void> {
    const parsed = parseKey(key);
    if (!parsed || parsed.kind === 'rejection') {
      throw new DomainError('invalid_args', `mutators cannot write ${key}`);
    }
    // Caught here, the bad text rejects this one mutation; at flush it would fail the whole push.
    if (!storableKey(key) || !isStorableJson(value)) throw new DomainError('invalid_args', 'text contains characters that cannot be stored (NUL or a lone surrogate)');
    this.writes.set(key, value);
  }

  async del(key: string): Promise<boolean> {
    const existed = (await this.get(key)) !== undefined;
    this.writes.set(key, null);
    return existed;
  }

  scan({ prefix }: { prefix: string }) {
    return {
      toArray: async (): Promise<ReadonlyJSONValue[]> => {
        const entries = await this.store.scanBase(prefix);
        for (const [key, value] of this.writes) if (key.startsWith(prefix)) entries.set(key, value);
        return [...entries.entries()]
          .filter((e): e is [string, ReadonlyJSONValue] => e[1] !== null)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([, value]) => value);
      },
    };
  }

  commit(): void {
    this.store.merge(this.writes, this.newTokens);
  }
}
