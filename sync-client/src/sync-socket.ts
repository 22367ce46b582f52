import { defaultBackoff, reconnectDelay, type BackoffOptions } from './backoff.ts';
import type { ConnectionState } from './sync-health.ts';

export type ServerMessage = { type: 'ready' } | { type: 'poke' } | { type: 'broadcast'; message: unknown };

/**
 * Parses a WebSocket frame from the server; anything unknown or malformed is ignored. Three shapes,
 * checked by hand: this runs in the customer tracker too, which ships without zod to stay small.
 */
export function parseServerMessage(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof frame !== 'object' || frame === null) return undefined;
  const { type, message } = frame as { type?: unknown; message?: unknown };
  if (type === 'ready' || type === 'poke') return { type };
  return type === 'broadcast' ? { type, message } : undefined;
}

export const helloMessage = (token: string) => JSON.stringify({ type: 'hello', token });

/** A kitchen screen names the stations it shows, on every connect and then every few seconds (README "Kitchen printers"). */
const screenMessage = (stations: readonly string[]) => JSON.stringify({ type: 'screen', stations });

/** The server closes with this code when the hello's token is bad or revoked. */
export const authErrorCloseCode = 4401;

/** The part of the browser WebSocket this module uses (tests pass a fake). */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

export interface SyncSocketOptions {
  readonly url: string;
  readonly token: string;
  readonly onState: (state: ConnectionState) => void;
  /** Called on `ready` (after every (re)connect) and on every poke: time to pull. A pull that fails is its puller's to report. */
  readonly onPull: () => unknown;
  readonly onBroadcast: (message: unknown) => void;
  /** Called on every `ready`: a fresh connection, a good moment to flush queued changes. */
  readonly onReady?: () => void;
  readonly createSocket?: SocketFactory;
  readonly backoff?: BackoffOptions;
  readonly random?: () => number;
  /** A socket that opened but got no `ready` within this time is dropped and retried. */
  readonly readyTimeoutMs?: number;
  /** A kitchen screen: the stations it shows now (none: it says nothing), said on `ready` and every `screenEveryMs`. */
  readonly screenStations?: () => readonly string[];
  readonly screenEveryMs?: number;
}

export interface SyncSocket {
  readonly state: () => ConnectionState;
  /** Drops any wait and connects now (e.g. the browser says it is back online). */
  reconnectNow(): void;
  /** Closes the socket as if the network went away; reconnects with backoff. */
  drop(): void;
  close(): void;
  /** Says the screen's stations now (they changed), if connected. */
  announce(): void;
}

const browserSocket: SocketFactory = (url) => new WebSocket(url) as unknown as SocketLike;

/**
 * The poke channel: hello → ready, pull on ready and on every poke, reconnect with capped
 * backoff, and stop for good when the server refuses the token (4401).
 */
export function connectSyncSocket(options: SyncSocketOptions): SyncSocket {
  const create = options.createSocket ?? browserSocket;
  const random = options.random ?? Math.random;
  let state: ConnectionState = 'connecting';
  let socket: SocketLike | undefined;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let beat: ReturnType<typeof setInterval> | undefined;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    options.onState(next);
  };
  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  // Silence is how the server learns a screen is gone (a killed one cannot say goodbye): talk while connected.
  const announce = () => {
    const stations = options.screenStations?.() ?? [];
    if (socket && state === 'connected' && stations.length > 0) socket.send(screenMessage(stations));
  };
  const detach = () => {
    clearInterval(beat);
    if (!socket) return;
    const s = socket;
    socket = undefined;
    s.onopen = s.onmessage = s.onerror = s.onclose = null;
    try {
      s.close();
    } catch {
      // already closed
    }
  };

  const scheduleReconnect = () => {
    detach();
    clearTimer();
    if (stopped || state === 'auth-error') return;
    setState('disconnected');
    timer = setTimeout(open, reconnectDelay(attempt++, random(), options.backoff ?? defaultBackoff));
  };

  function open(): void {
    clearTimer();
    detach();
    if (stopped) return;
    setState('connecting');
    let s: SocketLike;
    try {
      s = create(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onopen = () => {
      s.send(helloMessage(options.token));
      timer = setTimeout(scheduleReconnect, options.readyTimeoutMs ?? 10_000);
    };
    s.onmessage = (ev) => onMessage(ev.data);
    s.onerror = () => undefined;
    s.onclose = (ev) => {
      if (ev.code === authErrorCloseCode) {
        detach();
        clearTimer();
        setState('auth-error');
        return;
      }
      scheduleReconnect();
    };
  }

  function onMessage(data: unknown): void {
    const message = parseServerMessage(data);
    if (!message) return;
    if (message.type === 'broadcast') {
      options.onBroadcast(message.message);
      return;
    }
    if (message.type === 'ready') {
      clearTimer();
      attempt = 0;
      setState('connected');
      announce();
      if (options.screenStations) beat = setInterval(announce, options.screenEveryMs ?? 2000);
      options.onReady?.();
    }
    void Promise.resolve(options.onPull()).catch(() => undefined);
  }

  open();
  return {
    state: () => state,
    reconnectNow() {
      if (stopped || state === 'auth-error') return;
      attempt = 0;
      open();
    },
    drop: scheduleReconnect,
    announce,
    close() {
      stopped = true;
      clearTimer();
      detach();
      setState('disconnected');
    },
  };
}
