import { describe, expect, it } from 'vitest';
import { persistPromptly, type Persisting } from './persist-promptly.ts';

/** A stand-in for Replicache's write to IndexedDB that asserts, as Replicache does, that writes never overlap. */
function fakeReplica() {
  let watcher: () => void = () => undefined;
  const writes: Array<() => void> = [];
  let writing = false;
  const rep: Persisting & { change(): void; finishWrite(): Promise<void>; writes: typeof writes } = {
    writes,
    persist: () => {
      if (writing) throw new Error('persist is already running');
      writing = true;
      return new Promise<void>((resolve) => writes.push(() => ((writing = false), resolve())));
    },
    experimentalWatch(callback) {
      watcher = callback;
      return () => (watcher = () => undefined);
    },
    change: () => watcher(),
    async finishWrite() {
      writes.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
  return rep;
}

describe('persistPromptly', () => {
  it('writes a change at once', () => {
    const rep = fakeReplica();
    persistPromptly(rep);
    rep.change();
    expect(rep.writes).toHaveLength(1);
  });

  it('never starts a write while one runs, and changes made meanwhile share one more write', async () => {
    const rep = fakeReplica();
    persistPromptly(rep);
    rep.change();
    rep.change();
    rep.change();
    expect(rep.writes).toHaveLength(1);
    await rep.finishWrite();
    expect(rep.writes).toHaveLength(1);
    await rep.finishWrite();
    expect(rep.writes).toHaveLength(0);
  });

  it("serializes Replicache's own scheduled writes with the hurried ones", async () => {
    const rep = fakeReplica();
    persistPromptly(rep);
    rep.change();
    const scheduled = rep.persist();
    expect(rep.writes).toHaveLength(1);
    await rep.finishWrite();
    await scheduled;
    expect(rep.writes).toHaveLength(1);
  });
});
