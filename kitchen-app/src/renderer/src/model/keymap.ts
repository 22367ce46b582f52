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

/** On-screen legend of `keymap`. */
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

const named: Readonly<Record<string, KeyCommand>> = {
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

/**
 * What each key means: the named keys, letters in either case, and the digits, which pick an item
 * (a bump bar's 0 sits after its 9: the tenth item; past that, n walks on through the ticket).
 */
export const keymap: ReadonlyMap<string, KeyCommand> = new Map<string, KeyCommand>([
  ...Object.entries(named),
  ...Object.entries(named).flatMap(([key, cmd]): [string, KeyCommand][] => (key.length === 1 && key !== key.toUpperCase() ? [[key.toUpperCase(), cmd]] : [])),
  ...Array.from({ length: 10 }, (_, i): [string, KeyCommand] => [String(i), { type: 'pick', index: i === 0 ? 9 : i - 1 }]),
]);

export interface KeyLike {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

/** Index after moving `delta` through `count` entries, clamped at both ends. */
export function moveIndex(current: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, current + delta));
}
