import { describe, expect, it } from 'vitest';
import { MemoryTx } from './memory-tx.ts';

describe('MemoryTx', () => {
  it('a prefix scan returns only the values under the prefix, in key order', async () => {
    const tx = new MemoryTx();
    for (const key of ['order/b', 'product/a', 'order/a', 'order/c']) await tx.set(key, { id: key });
    expect(await tx.scan({ prefix: 'order/' }).toArray()).toEqual([{ id: 'order/a' }, { id: 'order/b' }, { id: 'order/c' }]);
  });

  it('stores a frozen copy: neither the writer nor a reader can change what is stored', async () => {
    const tx = new MemoryTx();
    const value = { id: 'x', tags: ['a'] };
    await tx.set('k', value);
    value.tags.push('b');
    const read = (await tx.get('k')) as { tags: string[] };
    expect(read.tags).toEqual(['a']);
    expect(() => read.tags.push('c')).toThrow(TypeError);
  });

  it('del tells whether the key was there', async () => {
    const tx = new MemoryTx('server', [['k', 1]]);
    expect(await tx.del('k')).toBe(true);
    expect(await tx.del('k')).toBe(false);
  });

  it('equal snapshots mean equal stores, and a clone is independent', async () => {
    const tx = new MemoryTx('client', [['a', { n: 1 }]]);
    const copy = tx.clone('server');
    expect(copy.location).toBe('server');
    expect(copy.snapshot()).toBe(tx.snapshot());
    await copy.set('a', { n: 2 });
    expect(copy.snapshot()).not.toBe(tx.snapshot());
    expect(await tx.get('a')).toEqual({ n: 1 });
  });
});
