import WebSocket from 'ws';

/** A kitchen screen's poke socket, past the hello; it names its stations only when told to (`say`). */
export async function screenSocket(url: string, token: string, sockets: WebSocket[]): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/api/ws`);
  sockets.push(ws);
  await new Promise<void>((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token })));
    ws.on('message', (data) => (JSON.parse(data.toString()) as { type: string }).type === 'ready' && resolve());
    ws.on('error', reject);
  });
  return ws;
}

/** What a kitchen screen says every 2 s: the stations it shows. */
export const say = (ws: WebSocket, stations: string[]) => ws.send(JSON.stringify({ type: 'screen', stations }));
