import { describe, expect, it } from 'vitest';
import { broadcastText } from './broadcast-text.ts';

describe('broadcast text', () => {
  it('plain strings are shown as they are', () => expect(broadcastText('86 salmon')).toBe('86 salmon'));
  it('objects show their message, text or title', () => {
    expect(broadcastText({ message: 'Fire table 4' })).toBe('Fire table 4');
    expect(broadcastText({ text: 'Rush' })).toBe('Rush');
  });
  it('anything else is shown as JSON', () => expect(broadcastText({ n: 1 })).toBe('{"n":1}'));
});
