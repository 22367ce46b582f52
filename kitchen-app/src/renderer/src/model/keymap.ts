/** What a key on the bump bar (or keyboard) asks for. */
export type KeyCommand =
  | { type: 'move'; delta: 1 | -1 }
  | { type: 'page'; delta: 1 | -1 }
  | { type: 'pick'; index: number }
  | { type: 'nextItem' }
  | { type: 'start' }
  | { type: 'done' }
  | { type: 'bump' }
  | { type: 'recall' }
  | { type: 'acknowledge' }
  | { type: 'fire' }
  | { type: 'confirm' }
  | { type: 'close' };

/** On-screen legend; the same table drives `keyCommand`. */
export const keymapLegend: readonly { keys: string; action: string }[] = [
  { keys: '← → / j k', action: 'move' },
  { keys: 'PgDn PgUp / ] [', action: 'next / previous page' },
  { keys: '1–9, 0', action: 'pick item 1–10' },
  { keys: 'n', action: 'next item' },
  { keys: 's', action: 'start item' },
  { keys: 'd', action: 'item done' },
  { keys: 'a', action: 'acknowledge allergy / void' },
  { keys: 'b', action: 'bump / hand off' },
  { keys: 'f', action: 'fire course' },
  { keys: 'r', action: 'recall' },
  { keys: 'Esc', action: 'close' },
];

const simple: Readonly<Record<string, KeyCommand>> = {
  ArrowRight: { type: 'move', delta: 1 },
  ArrowDown: { type: 'move', delta: 1 },
  j: { type: 'move', delta: 1 },
  ArrowLeft: { type: 'move', delta: -1 },
  ArrowUp: { type: 'move', delta: -1 },
  k: { type: 'move', delta: -1 },
  PageDown: { type: 'page', delta: 1 },
  ']': { type: 'page', delta: 1 },
  PageUp: { type: 'page', delta: -1 },
  '[': { type: 'page', delta: -1 },
  s: { type: 'start' },
  d: { type: 'done' },
  b: { type: 'bump' },
  r: { type: 'recall' },
  a: { type: 'acknowledge' },
  f: { type: 'fire' },
  n: { type: 'nextItem' },
  Enter: { type: 'confirm' },
  Escape: { type: 'close' },
};

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

/** Maps a key press to a command; modified keys and unknown keys mean nothing. */
export function keyCommand(e: KeyLike): KeyCommand | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  // A bump bar's 0 sits after its 9: the tenth item. Past that, n walks on through the ticket.
  if (/^[0-9]$/.test(e.key)) return { type: 'pick', index: e.key === '0' ? 9 : Number(e.key) - 1 };
  return simple[e.key.length === 1 ? e.key.toLowerCase() : e.key];
}

/** Index after moving `delta` through `count` entries, clamped at both ends. */
export function moveIndex(current: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, current + delta));
}
