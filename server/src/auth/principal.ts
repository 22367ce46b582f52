import type { Queryable } from '../db/database.ts';
import { hashToken, sameHash, type Role } from './tokens.ts';
import { RecentMap } from '../recent-map.ts';

/** Who is calling: the token's id is the principal that owns Replicache client groups. */
export interface Principal {
  readonly tokenId: string;
  readonly role: Role;
  readonly tenantId?: string;
  /** Customer tokens see exactly this order. */
  readonly orderId?: string;
}

interface TokenRow {
  id: string;
  tenant_id: string | null;
  role: Role;
  order_id: string | null;
  hash: string;
}

/**
 * A known token is kept 30 s: revocation drops it at once in every process (NOTIFY ks_revoke, and
 * `forgetAll` when the LISTEN connection was away), so the time bounds only a revocation written
 * by SQL behind the servers' back. Looked up every 5 s, 2,000 restaurants' tokens were 400
 * statements a second. An unknown token is kept 5 s, so one issued at a hub just after a refusal
 * works soon.
 */
const knownMs = 30_000;
const unknownMs = 5_000;

/**
 * Resolves bearer tokens to principals. Lookups are cached, and requests that arrive together
 * with one token (a poke makes a restaurant's screens pull at once) share one lookup; revocation
 * drops the cache entry at once (and other processes hear of it through `forgetToken`).
 */
export class TokenResolver {
  private readonly cache: RecentMap<string, { principal: Principal | undefined; until: number }>;
  private readonly lookups = new Map<string, Promise<Principal | undefined>>();
  private readonly adminHash: string;
  private revocations = 0;

  constructor(
    private readonly db: Queryable,
    adminToken: string,
    /** Bounds the cache: past this many tokens, the least recently resolved one is dropped. */
    maxCached = 10_000,
  ) {
    this.adminHash = hashToken(adminToken);
    this.cache = new RecentMap(maxCached);
  }

  async resolve(token: string): Promise<Principal | undefined> {
    const hash = hashToken(token);
    if (sameHash(hash, this.adminHash)) return { tokenId: 'admin', role: 'admin' };
    const cached = this.cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.principal;
    let lookup = this.lookups.get(hash);
    if (!lookup) {
      lookup = this.lookupAndRemember(hash).finally(() => this.lookups.delete(hash));
      this.lookups.set(hash, lookup);
    }
    return lookup;
  }

  private async lookupAndRemember(hash: string): Promise<Principal | undefined> {
    const generation = this.revocations;
    const principal = await this.lookup(hash);
    // A revocation that landed during the lookup may have been read too late: don't cache it.
    if (generation === this.revocations) this.remember(hash, principal);
    return principal;
  }

  private async lookup(hash: string): Promise<Principal | undefined> {
    const { rows } = await this.db.query<TokenRow>(
      'SELECT id, tenant_id, role, order_id, hash FROM tokens WHERE hash = $1 AND revoked_at IS NULL',
      [hash],
    );
    const row = rows[0];
    if (!row || !sameHash(row.hash, hash)) return undefined;
    return {
      tokenId: row.id,
      role: row.role,
      ...(row.tenant_id ? { tenantId: row.tenant_id } : {}),
      ...(row.order_id ? { orderId: row.order_id } : {}),
    };
  }

  private remember(hash: string, principal: Principal | undefined): void {
    this.cache.set(hash, { principal, until: Date.now() + (principal ? knownMs : unknownMs) });
  }

  /** Revocations may have been missed (the LISTEN connection was away): every token is read again. */
  forgetAll(): void {
    this.revocations += 1;
    this.cache.deleteWhere(() => true);
  }

  forgetToken(tokenId: string): void {
    this.revocations += 1;
    this.cache.deleteWhere((entry) => entry.principal?.tokenId === tokenId);
  }

  /** A deleted tenant's tokens, all at once. */
  forgetTenant(tenantId: string): void {
    this.revocations += 1;
    this.cache.deleteWhere((entry) => entry.principal?.tenantId === tenantId);
  }
}

