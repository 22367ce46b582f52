import { createServer, type Server, type Socket } from 'node:net';

/** A printed line as the fake printer read it: text (trimmed) and the styles in force at its first character. */
export interface PaperLine {
  text: string;
  bold: boolean;
  invert: boolean;
  large: boolean;
}

export type FakeMode = 'ok' | 'blackhole' | 'slow' | 'paper_out' | 'close_mid_job';

/** Command bytes that take a fixed number of argument bytes (ESC/POS as our encoder emits it). */
const argCounts: Record<number, Record<number, number>> = {
  0x1b: { 0x40: 0, 0x74: 1, 0x4d: 1, 0x61: 1, 0x45: 1, 0x2d: 1, 0x64: 1, 0x21: 1, 0x33: 1, 0x32: 0, 0x34: 1 },
  0x1d: { 0x21: 1, 0x42: 1, 0x56: 1 },
  0x1c: { 0x2e: 0 },
  0x10: { 0x04: 1 },
};

/**
 * A network ESC/POS printer on loopback for tests: decodes what it receives into tickets (cut to
 * cut) of lines with styles, answers DLE EOT status, and can refuse connections, blackhole,
 * read 1 byte per ms, report paper out, or close in the middle of a job.
 */
export class FakePrinter {
  readonly tickets: PaperLine[][] = [];
  /** When each ticket's first byte arrived (ms epoch). */
  readonly firstByteAt: number[] = [];
  mode: FakeMode = 'ok';
  /** Bytes received over every connection. */
  received = 0;
  private current: PaperLine[] = [];
  private line: PaperLine | undefined;
  private style = { bold: false, invert: false, large: false };
  private server: Server;
  private sockets = new Set<Socket>();
  private ticketStarted = false;
  port = 0;

  private constructor() {
    this.server = this.newServer();
  }

  static async start(): Promise<FakePrinter> {
    const printer = new FakePrinter();
    await printer.listen(0);
    return printer;
  }

  private newServer(): Server {
    return createServer((socket) => this.accept(socket));
  }

  private async listen(port: number): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Stops listening: connections are refused until `accept()`. */
  async refuse(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async accept(): Promise<void>;
  async accept(socket: Socket): Promise<void>;
  async accept(socket?: Socket): Promise<void> {
    if (!socket) {
      this.server = this.newServer();
      return this.listen(this.port);
    }
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.tear();
    });
    socket.on('error', () => undefined);
    if (this.mode === 'blackhole') return;
    let midJobBytes = 0;
    socket.on('data', (chunk: Buffer) => {
      if (this.mode === 'close_mid_job') {
        const jobBytes = chunk.length > 3 ? chunk.length : 0;
        midJobBytes += jobBytes;
        if (midJobBytes > 40) {
          this.feed(socket, chunk.subarray(0, 40));
          socket.destroy();
          return;
        }
      }
      if (this.mode !== 'slow') return this.feed(socket, chunk);
      socket.pause();
      let i = 0;
      const tick = setInterval(() => {
        if (i >= chunk.length || socket.destroyed) {
          clearInterval(tick);
          socket.resume();
          return;
        }
        this.feed(socket, chunk.subarray(i, i + 1));
        i += 1;
      }, 1);
    });
  }

  private pending: number[] = [];

  private feed(socket: Socket, chunk: Uint8Array): void {
    this.received += chunk.length;
    this.pending.push(...chunk);
    for (;;) {
      const used = this.step(socket, this.pending);
      if (used === 0) return;
      this.pending.splice(0, used);
    }
  }

  /** Consumes one command or character; 0 when more bytes are needed. */
  private step(socket: Socket, b: number[]): number {
    const [first, second] = b;
    if (first === undefined) return 0;
    const table = argCounts[first];
    if (table) {
      if (second === undefined) return 0;
      const n = table[second] ?? 0;
      if (b.length < 2 + n) return 0;
      this.command(socket, first, second, b.slice(2, 2 + n));
      return 2 + n;
    }
    if (first === 0x0a) this.endLine();
    else if (first !== 0x0d) this.char(String.fromCharCode(first));
    return 1;
  }

  private command(socket: Socket, a: number, b: number, args: number[]): void {
    const arg = args[0] ?? 0;
    if (a === 0x10) return void socket.write(Uint8Array.of(this.status(arg)));
    if (a === 0x1b && b === 0x40) this.style = { bold: false, invert: false, large: false };
    if (a === 0x1b && b === 0x45) this.style.bold = arg === 1;
    if (a === 0x1d && b === 0x42) this.style.invert = arg === 1;
    if (a === 0x1d && b === 0x21) this.style.large = arg !== 0;
    if (a === 0x1d && b === 0x56) this.cut();
  }

  /** Real-time status bytes (n = 1 printer, 2 offline cause, 4 paper): bit 1 always set, as printers answer. */
  private status(n: number): number {
    const paperOut = this.mode === 'paper_out';
    if (n === 1) return 0x12 | (paperOut ? 0x08 : 0);
    if (n === 2) return 0x12 | (paperOut ? 0x20 : 0);
    if (n === 4) return 0x12 | (paperOut ? 0x60 : 0);
    return 0x12;
  }

  private char(c: string): void {
    if (!this.ticketStarted) {
      this.ticketStarted = true;
      this.firstByteAt.push(Date.now());
    }
    if (!this.line) this.line = { text: '', bold: false, invert: false, large: false };
    if (this.line.text.trim() === '' && c !== ' ') Object.assign(this.line, this.style);
    this.line.text += c;
  }

  private endLine(): void {
    if (this.line) this.current.push({ ...this.line, text: this.line.text.trim() });
    this.line = undefined;
  }

  private cut(): void {
    this.endLine();
    this.tickets.push(this.current.filter((l) => l.text !== ''));
    this.current = [];
    this.ticketStarted = false;
  }

  /** A connection closed before the cut: what it printed is a torn-off piece, not a ticket. */
  readonly torn: PaperLine[][] = [];

  private tear(): void {
    this.endLine();
    if (this.current.length > 0 || this.ticketStarted) this.torn.push(this.current);
    this.current = [];
    this.pending = [];
    this.ticketStarted = false;
  }

  /** Stops the printer. */
  async close(): Promise<void> {
    await this.refuse().catch(() => undefined);
  }
}
