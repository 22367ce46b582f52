import { describe, expect, it } from 'vitest';
import { keymap, moveIndex } from './keymap.ts';

describe('the keymap', () => {
  it('arrows and j/k move between tickets', () => {
    expect(keymap.get('ArrowRight')).toEqual({ type: 'move', delta: 1 });
    expect(keymap.get('j')).toEqual({ type: 'move', delta: 1 });
    expect(keymap.get('k')).toEqual({ type: 'move', delta: -1 });
    expect(keymap.get('ArrowLeft')).toEqual({ type: 'move', delta: -1 });
  });

  it('number keys pick items (1 is the first, 0 the tenth), n the next one', () => {
    expect(keymap.get('1')).toEqual({ type: 'pick', index: 0 });
    expect(keymap.get('9')).toEqual({ type: 'pick', index: 8 });
    expect(keymap.get('0')).toEqual({ type: 'pick', index: 9 });
    expect(keymap.get('n')).toEqual({ type: 'nextItem' });
  });

  it('s, d, b, r, a and f start, complete, bump, recall, acknowledge and fire, in either case', () => {
    expect(['s', 'd', 'b', 'r', 'a', 'f', 'B'].map((key) => keymap.get(key)?.type)).toEqual([
      'start',
      'done',
      'bump',
      'recall',
      'acknowledge',
      'fire',
      'bump',
    ]);
  });

  it('other keys mean nothing', () => expect(keymap.get('x')).toBeUndefined());
});

describe('moving the selection', () => {
  it('stops at both ends', () => {
    expect(moveIndex(0, -1, 3)).toBe(0);
    expect(moveIndex(2, 1, 3)).toBe(2);
    expect(moveIndex(1, 1, 3)).toBe(2);
  });
  it('an empty rail keeps index 0', () => expect(moveIndex(4, 1, 0)).toBe(0));
});
