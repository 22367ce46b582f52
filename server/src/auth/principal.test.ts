import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { migratedMemoryDatabase } from '../db/memory-database.ts';
import { TokenResolver } from './principal.ts';
import { generateToken, hashToken } from './tokens.ts';

let db: Database;
beforeEach(async () => {
  db = await migratedMemoryDatabase({ id: 't1', name: 'resolver test' });
});
afterEach(async () => db.close());

async function issue(id: string): Promise<string> {
  const token = generateToken('kitchen');
  await db.query(`INSERT INTO tokens (id, tenant_id, role, hash) VALUES ($1, 't1', 'kitchen', $2)`, [id, hashToken(token)]);
  return token;
}
const revokeInDatabase = (id: string) => db.query('UPDATE tokens SET revoked_at = now() WHERE id = $1', [id]);

describe('TokenResolver cache', () => {
  it('keeps at most its bound of tokens, dropping the least recently resolved one first', async () => {
    const resolver = new TokenResolver(db, generateToken('admin'), 2);
    const [a, b, c] = [await issue('a'), await issue('b'), await issue('c')];
    expect((await resolver.resolve(a))?.tokenId).toBe('a');
    expect((await resolver.resolve(b))?.tokenId).toBe('b');
    expect((await resolver.resolve(a))?.tokenId).toBe('a'); // a is now the most recent
    expect((await resolver.resolve(c))?.tokenId).toBe('c'); // b is dropped
    // Revoked behind the resolver's back (no forgetToken): only a token read again sees it.
    await Promise.all(['a', 'b', 'c'].map(revokeInDatabase));
    expect((await resolver.resolve(a))?.tokenId).toBe('a');
    expect((await resolver.resolve(c))?.tokenId).toBe('c');
    expect(await resolver.resolve(b)).toBeUndefined();
  });

  it('reads the database once for requests that arrive together with one token', async () => {
    const resolver = new TokenResolver(db, generateToken('admin'));
    const token = await issue('k');
    const query = db.query.bind(db);
    let reads = 0;
    db.query = (sql, params, options) => {
      if (sql.includes('FROM tokens')) reads += 1;
      return query(sql, params, options);
    };
    const principals = await Promise.all(Array.from({ length: 6 }, () => resolver.resolve(token)));
    expect(principals.map((p) => p?.tokenId)).toEqual(Array(6).fill('k'));
    expect(reads).toBe(1);
  });

  it('reads every token again once revocations may have been missed', async () => {
    const resolver = new TokenResolver(db, generateToken('admin'));
    const token = await issue('k');
    expect((await resolver.resolve(token))?.tokenId).toBe('k');
    await revokeInDatabase('k');
    expect((await resolver.resolve(token))?.tokenId).toBe('k'); // cached, nobody said
    resolver.forgetAll();
    expect(await resolver.resolve(token)).toBeUndefined();
  });

  it('stops answering a revoked token at once', async () => {
    const resolver = new TokenResolver(db, generateToken('admin'));
    const token = await issue('k');
    expect((await resolver.resolve(token))?.tokenId).toBe('k');
    await revokeInDatabase('k');
    resolver.forgetToken('k');
    expect(await resolver.resolve(token)).toBeUndefined();
  });
});
