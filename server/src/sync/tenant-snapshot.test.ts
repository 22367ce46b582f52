import { describe, expect, it } from 'vitest';
import { TenantSnapshot, type BatchState } from './tenant-snapshot.ts';

const owner = { tenantId: 't1', tokenId: 'tok1' };

function batch(rows: [string, unknown][], extra: Partial<BatchState> = {}): BatchState {
  return {
    rows: () => rows as never,
    scanned: () => [],
    owners: new Map([['g1', owner]]),
    purged: new Set(),
    clients: new Map([['c1', { group: 'g1', lmid: 3 }]]),
    ...extra,
  };
}

describe('a tenant snapshot', () => {
  it('covers a batch only when it knows every group (owned or purged) and every client (present or absent)', () => {
    const snapshot = new TenantSnapshot('100');
    snapshot.absorb(batch([], { purged: new Set(['gone']) }), ['c1', 'c-new'], '101');
    expect(snapshot.mover).toBe('101');
    expect(snapshot.covers({ groupIds: ['g1', 'gone'], clientIds: ['c1', 'c-new'] })).toBe(true);
    expect(snapshot.covers({ groupIds: ['g2'], clientIds: ['c1'] })).toBe(false);
    expect(snapshot.covers({ groupIds: ['g1'], clientIds: ['c-unasked'] })).toBe(false);
    expect(snapshot.pushState({ groupIds: ['g1', 'gone'], clientIds: ['c1', 'c-new'] })).toEqual({
      owners: [{ id: 'g1', tenant_id: 't1', token_id: 'tok1' }],
      purged: ['gone'],
      clients: [{ id: 'c1', client_group_id: 'g1', last_mutation_id: 3 }],
    });
  });

  it('hands out copies, tells an absent row from an unknown one, and scans only prefixes read whole', () => {
    const snapshot = new TenantSnapshot(null);
    snapshot.absorb(batch([['order/o1', { id: 'o1', items: [1] }], ['order/o2', null], ['station/s1', { id: 's1' }]], { scanned: () => ['station/'] }), [], null);
    const copy = snapshot.row('order/o1') as { items: number[] };
    copy.items.push(2);
    expect(snapshot.row('order/o1')).toEqual({ id: 'o1', items: [1] });
    expect(snapshot.row('order/o2')).toBeNull();
    expect(snapshot.row('order/o3')).toBeUndefined();
    expect(snapshot.scan('station/')).toEqual([['station/s1', { id: 's1' }]]);
    expect(snapshot.scan('order/')).toBeUndefined();
  });

  it('starts again empty past its size, rather than growing into a replica of the tenant', () => {
    const snapshot = new TenantSnapshot(null);
    snapshot.absorb(batch(Array.from({ length: 4_001 }, (_, i): [string, unknown] => [`order/o${i}`, { id: i }])), [], null);
    expect(snapshot.row('order/o1')).toBeUndefined();
    expect(snapshot.covers({ groupIds: ['g1'], clientIds: ['c1'] })).toBe(true);
  });
});
