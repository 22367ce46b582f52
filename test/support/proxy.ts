import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of a server that a test can cut and restore: the network dropping. */
export interface Proxy {
  readonly url: string;
  /** Drops every open connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `dropRequest`: asked of the start of every chunk a client sends (an HTTP request line, mostly);
 * when it answers true the connection is dropped, the request maybe already passed on: its answer is lost.
 */
export async function startProxy(target: { url: string }, dropRequest?: (start: string) => boolean): Promise<Proxy> {
  const { hostname, port: targetPort } = new URL(target.url);
  const open = new Set<Socket>();
  const track = (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => s.destroy());
  };
  const newServer = () =>
    createServer((client) => {
      const upstream = connect(Number(targetPort), hostname);
      track(client);
      track(upstream);
      client.pipe(upstream).pipe(client);
      if (dropRequest) client.on('data', (chunk: Buffer) => dropRequest(chunk.toString('latin1', 0, 80)) && client.destroy());
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
  const listen = (server: Server, port: number) =>
    new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  let server: Server | undefined = newServer();
  const port = await listen(server, 0);
  const stop = async () => {
    const s = server;
    server = undefined;
    for (const socket of open) socket.destroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    cut: stop,
    async restore() {
      if (server) return;
      server = newServer();
      await listen(server, port);
    },
    close: stop,
  };
}
