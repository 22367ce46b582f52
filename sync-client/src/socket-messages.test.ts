import { describe, expect, it } from 'vitest';
import { helloMessage, parseServerMessage } from './socket-messages.ts';

describe('server socket messages', () => {
  it('ready, poke and broadcast frames are understood', () => {
    expect(parseServerMessage('{"type":"ready"}')).toEqual({ type: 'ready' });
    expect(parseServerMessage('{"type":"poke"}')).toEqual({ type: 'poke' });
    expect(parseServerMessage('{"type":"broadcast","message":"86 the fish"}')).toEqual({
      type: 'broadcast',
      message: '86 the fish',
    });
  });

  it('unknown types, bad JSON and binary frames are ignored', () => {
    expect(parseServerMessage('{"type":"nope"}')).toBeUndefined();
    expect(parseServerMessage('{not json')).toBeUndefined();
    expect(parseServerMessage(new ArrayBuffer(2))).toBeUndefined();
  });

  it('the hello carries the token', () => {
    expect(JSON.parse(helloMessage('t1'))).toEqual({ type: 'hello', token: 't1' });
  });
});
