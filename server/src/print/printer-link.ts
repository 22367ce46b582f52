import { Socket } from 'node:net';
import { parseStatus, statusRequest, type PrinterStatus } from './escpos.ts';

export type LinkFailure = { ok: false; reason: string };

/**
 * One raw TCP connection to a network ESC/POS printer. Every step has a deadline: a printer that
 * accepts and never answers (blackholed, or asleep) fails the attempt instead of hanging it.
 */
export class PrinterLink {
  private readonly socket = new Socket();
  private readonly replies: number[] = [];
  private waiter: (() => void) | undefined;
  private closed: string | undefined;

  private constructor(private readonly timeoutMs: number) {
    this.socket.on('data', (chunk: Buffer) => {
      this.replies.push(...chunk);
      this.waiter?.();
    });
    this.socket.on('error', (err: NodeJS.ErrnoException) => this.close(err.code === 'ECONNREFUSED' ? 'connection refused' : `connection error (${err.code ?? err.message})`));
    this.socket.on('close', () => this.close('connection closed by the printer'));
  }

  static async open(host: string, port: number, timeoutMs: number): Promise<PrinterLink | LinkFailure> {
    const link = new PrinterLink(timeoutMs);
    const opened = await link.within(`no connection within ${timeoutMs} ms`, (done) => link.socket.connect(port, host, () => done()));
    return opened === true ? link : { ok: false, reason: opened };
  }

  private close(reason: string): void {
    this.closed ??= reason;
    this.waiter?.();
  }

  /** Runs `start`, resolving true when it calls done, or the reason it did not in time. */
  private within(timeoutReason: string, start: (done: () => void) => void): Promise<true | string> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(timeoutReason), this.timeoutMs);
      const finish = (result: true | string) => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(result);
      };
      this.waiter = () => {
        if (this.closed) finish(this.closed);
      };
      start(() => finish(true));
    });
  }

  /** Asks DLE EOT 1, 2 and 4 and reads the three answers. */
  async status(): Promise<PrinterStatus | LinkFailure> {
    this.replies.length = 0;
    const asked = await this.within('the printer did not answer its status request', (done) => {
      const check = () => {
        if (this.closed) return;
        if (this.replies.length >= 3) done();
      };
      const previous = this.waiter;
      this.waiter = () => {
        previous?.();
        check();
      };
      this.socket.write(Uint8Array.of(...statusRequest(1), ...statusRequest(2), ...statusRequest(4)));
    });
    if (asked !== true) return { ok: false, reason: asked };
    return parseStatus(this.replies.slice(0, 3) as [number, number, number]);
  }

  /** Writes the job and waits until the printer has taken every byte. */
  async send(bytes: Uint8Array): Promise<true | LinkFailure> {
    const sent = await this.within('the printer stopped taking the job', (done) => {
      this.socket.write(bytes, (err) => {
        if (!err) done();
      });
    });
    return sent === true ? true : { ok: false, reason: sent };
  }

  end(): void {
    this.socket.end();
    this.socket.destroy();
  }
}
