import { describe, expect, it } from 'vitest';
import { ProcessedIds } from './processed-ids.ts';

const m = (clientID: string, id: number) => ({ clientID, id });

describe('ProcessedIds', () => {
  it('leaves out of the hints only what this process committed, per client', () => {
    const ids = new ProcessedIds();
    const push = [m('a', 1), m('a', 2), m('a', 3), m('b', 1)];
    expect(ids.unprocessed(push)).toEqual(push);
    ids.committed(new Map([['a', 2]]));
    expect(ids.unprocessed(push)).toEqual([m('a', 3), m('b', 1)]);
    ids.committed(new Map([['a', 3], ['b', 1]]));
    expect(ids.unprocessed(push)).toEqual([]);
  });

  it('forgets the least recently pushed clients first, past its capacity', () => {
    const ids = new ProcessedIds();
    ids.committed(new Map([['first', 5]]));
    ids.committed(new Map(Array.from({ length: 10_000 }, (_, i) => [`c${i}`, 1] as const)));
    expect(ids.unprocessed([m('first', 5), m('c9999', 1)])).toEqual([m('first', 5)]);
  });
});
