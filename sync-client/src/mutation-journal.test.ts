import { describe, expect, it } from 'vitest';
import { createMutationJournal, type JournalStorage } from './mutation-journal.ts';

const m = (id: number, name = 'bumpKitchenOrder') => ({ clientID: 'c1', id, name, args: { kitchenOrderId: `k${id}` } });

function memoryStorage(): JournalStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('the mutation journal', () => {
  it('remembers what a pending mutation was', () => {
    const j = createMutationJournal();
    j.record([m(1), m(2, 'recallKitchenOrder')]);
    expect(j.get('c1', 2)).toMatchObject({ name: 'recallKitchenOrder', args: { kitchenOrderId: 'k2' } });
    expect(j.get('c2', 2)).toBeUndefined();
  });

  it('keeps only the newest entries', () => {
    const j = createMutationJournal(3);
    j.record([m(1), m(2), m(3), m(4)]);
    expect(j.get('c1', 1)).toBeUndefined();
    expect(j.get('c1', 4)).toBeDefined();
  });

  it('survives a reload through storage', () => {
    const store = memoryStorage();
    createMutationJournal(10, { store, key: 'j' }).record([m(7)]);
    expect(createMutationJournal(10, { store, key: 'j' }).get('c1', 7)?.name).toBe('bumpKitchenOrder');
  });

  it('ignores corrupt storage', () => {
    const store = memoryStorage();
    store.data.set('j', '{oops');
    expect(createMutationJournal(10, { store, key: 'j' }).get('c1', 1)).toBeUndefined();
  });
});
