import WebSocket from 'ws';

const reconnectMs = 1_000;
/** A link that stops carrying anything (a blackholed route) is dropped after one unanswered ping. */
const heartbeatMs = 5_000;

/**
 * The hub's WebSocket to the cloud, as its terminals hold one to it: hello with the hub token,
 * then a pull on every poke. `onReady` also fires after each reconnect (pokes may have been missed);
 * `onDown` when the link drops or stops answering pings.
 */
export function followCloud(upstreamUrl: string, token: string, handlers: { onReady(): void; onPoke(): void; onDown(): void }) {
  let socket: WebSocket | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const open = () => {
    const ws = new WebSocket(`${upstreamUrl.replace(/^http/, 'ws')}/api/ws`);
    socket = ws;
    let answered = true;
    const heartbeat = setInterval(() => {
      if (!answered) {
        ws.terminate();
        return;
      }
      answered = false;
      // A socket still connecting gets one period more, then is dropped like a silent one.
      if (ws.readyState === WebSocket.OPEN) ws.ping();
    }, heartbeatMs);
    heartbeat.unref();
    ws.on('pong', () => (answered = true));
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token })));
    ws.on('message', (data) => {
      const type = (JSON.parse(data.toString()) as { type?: string }).type;
      if (type === 'ready') handlers.onReady();
      if (type === 'poke') handlers.onPoke();
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearInterval(heartbeat);
      if (stopped) return;
      handlers.onDown();
      retry = setTimeout(open, reconnectMs);
      retry.unref();
    });
  };
  open();
  return {
    close() {
      stopped = true;
      clearTimeout(retry);
      socket?.terminate();
    },
  };
}
