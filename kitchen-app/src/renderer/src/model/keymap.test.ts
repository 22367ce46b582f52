import { describe, expect, it } from 'vitest';
import { keyCommand, moveIndex } from './keymap.ts';

describe('the keymap', () => {
  it('arrows and j/k move between tickets', () => {
    expect(keyCommand({ key: 'ArrowRight' })).toEqual({ type: 'move', delta: 1 });
    expect(keyCommand({ key: 'j' })).toEqual({ type: 'move', delta: 1 });
    expect(keyCommand({ key: 'k' })).toEqual({ type: 'move', delta: -1 });
    expect(keyCommand({ key: 'ArrowLeft' })).toEqual({ type: 'move', delta: -1 });
  });

  it('number keys pick items (1 is the first, 0 the tenth), n the next one', () => {
    expect(keyCommand({ key: '1' })).toEqual({ type: 'pick', index: 0 });
    expect(keyCommand({ key: '9' })).toEqual({ type: 'pick', index: 8 });
    expect(keyCommand({ key: '0' })).toEqual({ type: 'pick', index: 9 });
    expect(keyCommand({ key: 'n' })).toEqual({ type: 'nextItem' });
    expect(keyCommand({ key: '0', ctrlKey: true })).toBeUndefined();
  });

  it('s, d, b, r, a and f start, complete, bump, recall, acknowledge and fire, in either case', () => {
    expect(['s', 'd', 'b', 'r', 'a', 'f', 'B'].map((key) => keyCommand({ key })?.type)).toEqual([
      'start',
      'done',
      'bump',
      'recall',
      'acknowledge',
      'fire',
      'bump',
    ]);
  });

  it('keys with modifiers are left to the browser', () => {
    expect(keyCommand({ key: 'r', ctrlKey: true })).toBeUndefined();
    expect(keyCommand({ key: 'x' })).toBeUndefined();
  });
});

describe('moving the selection', () => {
  it('stops at both ends', () => {
    expect(moveIndex(0, -1, 3)).toBe(0);
    expect(moveIndex(2, 1, 3)).toBe(2);
    expect(moveIndex(1, 1, 3)).toBe(2);
  });
  it('an empty rail keeps index 0', () => expect(moveIndex(4, 1, 0)).toBe(0));
});
