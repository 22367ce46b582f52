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
    // The rAF callback runs before paint; a message posted from it is handled just after.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      performance.mark('ks:bump:painted');
      performance.measure('ks:bump', 'ks:bump:key', 'ks:bump:painted');
    };
    channel.port2.postMessage(null);
  });
}
