/**
 * Performance marks for the bump benchmark: `ks:bump:key` when a bump is asked for,
 * `ks:bump:painted` after the next frame that shows the changed rail, and a `ks:bump` measure
 * between them (and `ks:bump:to-commit` up to React's commit of the new rail). Cheap enough to leave on in production.
 */
let pending = false;

export function markBump(stage: 'key'): void {
  if (stage === 'key') {
    performance.mark('ks:bump:key');
    pending = true;
    // The first frame after the keypress: the bump is "within one frame" if its commit came first.
    requestAnimationFrame(() => performance.mark('ks:bump:first-frame'));
  }
}

/** Called after the rail committed a new ticket list: records the paint that follows. */
export function railCommitted(): void {
  if (!pending) return;
  pending = false;
  performance.mark('ks:bump:commit');
  performance.measure('ks:bump:to-commit', 'ks:bump:key', 'ks:bump:commit');
  requestAnimationFrame(() => {
    performance.mark('ks:bump:frame');
    // The rAF callback runs before the frame's style, layout and paint; a task posted from it runs
    // right after them. A user-blocking task is not held back behind the next frame's work.
    afterThisFrame(() => {
      performance.mark('ks:bump:painted');
      performance.measure('ks:bump', 'ks:bump:key', 'ks:bump:painted');
    });
  });
}

type PostTask = (cb: () => void, options: { priority: 'user-blocking' }) => Promise<void>;

function afterThisFrame(cb: () => void): void {
  const postTask = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask;
  if (postTask) {
    void postTask.call((globalThis as unknown as { scheduler: unknown }).scheduler, cb, { priority: 'user-blocking' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = cb;
  channel.port2.postMessage(null);
}
