import { describe, expect, it } from 'vitest';
import { groupsAhead } from './cloud-restore.ts';

const mark = (id: string, clientGroupID: string, lastMutationID: number) => ({ id, clientGroupID, lastMutationID });

describe('groupsAhead: which terminals saw last mutation ids a restored cloud lacks', () => {
  it('names a group once when any of its clients is above the cloud, or unknown to it with changes', () => {
    const hub = [mark('a1', 'A', 5), mark('a2', 'A', 9), mark('b1', 'B', 3), mark('c1', 'C', 2), mark('d1', 'D', 0)];
    const cloud = [mark('a1', 'A', 5), mark('a2', 'A', 7), mark('b1', 'B', 3)];
    expect(groupsAhead(hub, cloud)).toEqual(['A', 'C']);
  });

  it('names none when the cloud has everything the hub has, or more', () => {
    expect(groupsAhead([mark('a1', 'A', 4)], [mark('a1', 'A', 6), mark('z1', 'Z', 1)])).toEqual([]);
  });
});
