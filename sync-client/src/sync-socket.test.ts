import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from './sync-health.ts';
import { connectSyncSocket, helloMessage, parseServerMessage, type SocketLike } from './sync-socket.ts';

class FakeSocket implements SocketLike {
  sent: string[] = [];
  closed = false;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  serverSays(msg: object) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

let sockets: FakeSocket[];
let states: ConnectionState[];
let pulls: number;
let broadcasts: unknown[];
let readies: number;

function connect(screen: Partial<Pick<Parameters<typeof connectSyncSocket>[0], 'screenStations' | 'screenEveryMs'>> = {}) {
  return connectSyncSocket({
    ...screen,
    url: 'ws://test/api/ws',
    token: 'tok',
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    onState: (s) => states.push(s),
    onPull: () => pulls++,
    onBroadcast: (m) => broadcasts.push(m),
    onReady: () => readies++,
    random: () => 1,
    backoff: { baseMs: 100, maxMs: 1000 },
    readyTimeoutMs: 5000,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  states = [];
  pulls = 0;
  broadcasts = [];
  readies = 0;
});
afterEach(() => vi.useRealTimers());

describe('the sync socket', () => {
  it('says hello with the token once open, and pulls when the server is ready', () => {
    const sock = connect();
    sockets[0]!.onopen?.({});
    expect(sockets[0]!.sent).toEqual(['{"type":"hello","token":"tok"}']);
    expect(sock.state()).toBe('connecting');
    sockets[0]!.serverSays({ type: 'ready' });
    expect(sock.state()).toBe('connected');
    expect(pulls).toBe(1);
    expect(readies).toBe(1);
  });

  it('a kitchen screen names its stations once ready and every few seconds, and stops when the socket drops', () => {
    let stations: readonly string[] = ['fry-1'];
    const sock = connect({ screenStations: () => stations, screenEveryMs: 2000 });
    sockets[0]!.onopen?.({});
    sockets[0]!.serverSays({ type: 'ready' });
    const said = () => sockets[0]!.sent.filter((m) => m.includes('"screen"'));
    expect(said()).toEqual(['{"type":"screen","stations":["fry-1"]}']);
    vi.advanceTimersByTime(4000);
    expect(said()).toHaveLength(3);
    stations = ['fry-1', 'cold-1'];
    sock.announce();
    expect(said().at(-1)).toBe('{"type":"screen","stations":["fry-1","cold-1"]}');
    sock.drop();
    vi.advanceTimersByTime(10_000);
    expect(said()).toHaveLength(4);
  });

  it('pulls on every poke and hands broadcasts to the listener', () => {
    connect();
    sockets[0]!.onopen?.({});
    sockets[0]!.serverSays({ type: 'ready' });
    sockets[0]!.serverSays({ type: 'poke' });
    sockets[0]!.serverSays({ type: 'poke' });
    sockets[0]!.serverSays({ type: 'broadcast', message: { text: 'hi' } });
    expect(pulls).toBe(3);
    expect(broadcasts).toEqual([{ text: 'hi' }]);
  });

  it('reconnects with growing, capped delays after the connection drops', () => {
    const sock = connect();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = sockets.length;
      sockets.at(-1)!.onclose?.({ code: 1006 });
      expect(sock.state()).toBe('disconnected');
      let waited = 0;
      while (sockets.length === before) {
        vi.advanceTimersByTime(50);
        waited += 50;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('a successful ready resets the backoff', () => {
    connect();
    sockets[0]!.onclose?.({ code: 1006 });
    vi.advanceTimersByTime(100);
    sockets[1]!.onclose?.({ code: 1006 });
    vi.advanceTimersByTime(200);
    sockets[2]!.onopen?.({});
    sockets[2]!.serverSays({ type: 'ready' });
    sockets[2]!.onclose?.({ code: 1006 });
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(4);
  });

  it('never reconnects after the server refuses the token', () => {
    const sock = connect();
    sockets[0]!.onopen?.({});
    sockets[0]!.onclose?.({ code: 4401 });
    vi.advanceTimersByTime(60_000);
    expect(sock.state()).toBe('auth-error');
    expect(sockets).toHaveLength(1);
    sock.reconnectNow();
    expect(sockets).toHaveLength(1);
  });

  it('a server that never answers hello is dropped and retried', () => {
    connect();
    sockets[0]!.onopen?.({});
    vi.advanceTimersByTime(5000);
    expect(sockets[0]!.closed).toBe(true);
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
  });

  it('closing stops all reconnects', () => {
    const sock = connect();
    sock.close();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(states.at(-1)).toBe('disconnected');
  });

  it('reconnectNow skips the wait', () => {
    const sock = connect();
    sockets[0]!.onclose?.({ code: 1006 });
    sock.reconnectNow();
    expect(sockets).toHaveLength(2);
    expect(sock.state()).toBe('connecting');
  });
});

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
