import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import WebSocket from 'ws';

export type Json = Record<string, unknown>;
export interface Mutation {
  name: string;
  args: Json;
}
export interface Put {
  key: string;
  value: Json;
}
type PatchOp = ({ op: 'put' } & Put) | { op: 'del'; key: string } | { op: 'clear' };

/** What a terminal tells its restaurant's script and the bench's counters. */
export interface TerminalHooks {
  /** A pull came back with these puts (already applied to the replica), at `at` (hrtime ms). */
  onPuts(terminal: Terminal, puts: readonly Put[], at: number): void;
  /** A push or pull answered 200 after `ms`, of which `serverMs` was the sync work (`Server-Timing`). */
  onRoundTrip(kind: 'push' | 'pull', ms: number, serverMs: number): void;
  /** A pull's answer changed nothing on this screen (an empty patch, no mutation confirmed). */
  onEmptyPull(): void;
  /** A poke arrived and the pull it asks for left `lagMs` later (this process's own delay, or a pull already in flight). */
  onPoke(lagMs: number): void;
  onError(kind: string): void;
}

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * One terminal reduced to the Replicache 15 wire protocol, as light as a client can be so that a
 * few load processes can stand for thousands of screens: its own kept-alive HTTP connections (a
 * browser's, not a shared pool where requests would queue in the load generator), a poke socket,
 * and a replica that is a Map of the keys it was sent. Like Replicache it keeps one push and one
 * pull in flight at most, pushes every mutation a pull has not yet confirmed, and after a poke
 * during a pull pulls once more; its backstop pull runs every `backstopMs`.
 */
export class Terminal {
  readonly replica = new Map<string, Json>();
  // A connection idle for 4 s is closed here before the server's 5 s keep-alive timeout closes it:
  // a request sent as the server closes it would fail with ECONNRESET (browsers retry those, Node does not).
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 2, timeout: 4000 });
  private readonly groupId = randomUUID();
  private readonly clientId = randomUUID();
  private cookie: unknown = null;
  private nextId = 1;
  private pending: { id: number; mutation: Mutation }[] = [];
  private pushing = false;
  private pushAgain = false;
  private pulling = false;
  private pullAgain = false;
  /** When the first poke that arrived during the pull in flight came. */
  private pokedDuringPull: number | undefined;
  private socket: WebSocket | undefined;
  private backstop: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    readonly url: string,
    private readonly token: string,
    private readonly hooks: TerminalHooks,
  ) {}

  async open(backstopMs: number): Promise<void> {
    // Thousands of sockets opening at once on a busy box: one refused or reset is tried again.
    for (let attempt = 1; !this.socket; attempt++) {
      this.socket = await this.connect().catch((err: unknown) => {
        if (attempt === 5) throw err;
        return new Promise<undefined>((r) => setTimeout(r, 1000 * attempt));
      });
    }
    await this.pull();
    this.backstop = setTimeout(() => this.backstopPull(backstopMs), Math.random() * backstopMs);
  }

  mutate(mutation: Mutation): void {
    this.pending.push({ id: this.nextId++, mutation });
    void this.push();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.backstop);
    this.socket?.close();
    this.agent.destroy();
  }

  private backstopPull(everyMs: number): void {
    void this.pull();
    this.backstop = setTimeout(() => this.backstopPull(everyMs), everyMs);
  }

  private connect(): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${this.url.replace('http', 'ws')}/api/ws`);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token: this.token })));
      ws.on('message', (data) => {
        const type = (JSON.parse(data.toString()) as { type: string }).type;
        if (type === 'ready') resolve(ws);
        else if (type === 'poke') this.poked(nowMs());
      });
      ws.on('error', (err) => (this.closed ? undefined : reject(err)));
      ws.on('close', () => (this.closed ? undefined : this.hooks.onError('socket closed')));
    });
  }

  private poked(at: number): void {
    if (this.pulling) {
      this.pokedDuringPull ??= at;
      this.pullAgain = true;
      return;
    }
    this.hooks.onPoke(nowMs() - at);
    void this.pull();
  }

  private async push(): Promise<void> {
    if (this.pushing) {
      this.pushAgain = true;
      return;
    }
    this.pushing = true;
    const mutations = this.pending.map((p) => ({ id: p.id, clientID: this.clientId, name: p.mutation.name, args: p.mutation.args, timestamp: Date.now() }));
    const start = nowMs();
    try {
      const res = await this.post('push', { pushVersion: 1, clientGroupID: this.groupId, profileID: 'capacity', schemaVersion: '1', mutations });
      if (res.status === 200) this.hooks.onRoundTrip('push', nowMs() - start, res.serverMs);
      else this.hooks.onError(`push ${res.status}`);
    } catch (err) {
      if (!this.closed) this.hooks.onError(`push: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      this.pushAgain = true; // as Replicache retries a push that did not get through
    }
    this.pushing = false;
    if (this.pushAgain && !this.closed) {
      this.pushAgain = false;
      void this.push();
    }
  }

  async pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return;
    }
    this.pulling = true;
    const start = nowMs();
    try {
      const res = await this.post('pull', { pullVersion: 1, clientGroupID: this.groupId, profileID: 'capacity', schemaVersion: '1', cookie: this.cookie });
      if (res.status === 200) this.applyPull(JSON.parse(res.text) as Json, start, res.serverMs);
      else this.hooks.onError(`pull ${res.status}`);
    } catch (err) {
      if (!this.closed) this.hooks.onError(`pull: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    this.pulling = false;
    if (this.pullAgain && !this.closed) {
      this.pullAgain = false;
      if (this.pokedDuringPull !== undefined) this.hooks.onPoke(nowMs() - this.pokedDuringPull);
      this.pokedDuringPull = undefined;
      void this.pull();
    }
  }

  private applyPull(body: Json, start: number, serverMs: number): void {
    const at = nowMs();
    this.hooks.onRoundTrip('pull', at - start, serverMs);
    if (body.error) return this.hooks.onError(String(body.error));
    this.cookie = body.cookie;
    const lmids = body.lastMutationIDChanges as Record<string, number> | undefined;
    if ((body.patch as PatchOp[]).length === 0 && Object.keys(lmids ?? {}).length === 0) this.hooks.onEmptyPull();
    const confirmed = lmids?.[this.clientId];
    if (confirmed !== undefined) this.pending = this.pending.filter((p) => p.id > confirmed);
    const puts: Put[] = [];
    for (const op of body.patch as PatchOp[]) {
      if (op.op === 'clear') this.replica.clear();
      else if (op.op === 'del') this.replica.delete(op.key);
      else {
        this.replica.set(op.key, op.value);
        puts.push({ key: op.key, value: op.value });
      }
    }
    if (puts.length > 0) this.hooks.onPuts(this, puts, at);
  }

  private post(path: 'push' | 'pull', body: unknown): Promise<{ status: number; text: string; serverMs: number }> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${this.url}/api/replicache/${path}`, {
        method: 'POST',
        agent: this.agent,
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        const serverMs = Number(/dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''))?.[1] ?? Number.NaN);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString(), serverMs }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }
}
