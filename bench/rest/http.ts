import { Agent, request } from 'node:http';

export interface Answer {
  status: number;
  body: unknown;
}

/** A keep-alive JSON client on node:http: light enough that the load generator is not the bottleneck. */
export class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  async send(method: string, path: string, token: string, body?: unknown): Promise<Answer> {
    try {
      return await this.attempt(method, path, token, body);
    } catch (err) {
      // A kept-alive socket the server closed at the same moment (Node's documented race): retry once on a new one.
      if ((err as { reusedSocket?: boolean }).reusedSocket) return this.attempt(method, path, token, body);
      throw err;
    }
  }

  private attempt(method: string, path: string, token: string, body?: unknown): Promise<Answer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const json = String(res.headers['content-type']).includes('json');
            resolve({ status: res.statusCode ?? 0, body: json && text ? (JSON.parse(text) as unknown) : text });
          });
          res.on('error', reject);
        },
      );
      req.on('error', (err) => reject(Object.assign(err, { reusedSocket: req.reusedSocket && (err as { code?: string }).code === 'ECONNRESET' })));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
