import type { SocketRegistry } from '../sync/sockets.ts';

/** Samples the socket counters every second to report per-second rates. */
export class RateMeter {
  private last: SocketRegistry['counters'] & { at: number };
  private current = { messagesInPerSecond: 0, messagesOutPerSecond: 0, pokesPerSecond: 0 };
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly registry: SocketRegistry) {
    this.last = { ...registry.counters, at: Date.now() };
    this.timer = setInterval(() => this.sample(), 1000);
    this.timer.unref();
  }

  private sample(): void {
    const now = { ...this.registry.counters, at: Date.now() };
    const seconds = Math.max(0.001, (now.at - this.last.at) / 1000);
    const rate = (a: number, b: number) => Math.round(((a - b) / seconds) * 10) / 10;
    this.current = {
      messagesInPerSecond: rate(now.messagesIn, this.last.messagesIn),
      messagesOutPerSecond: rate(now.messagesOut, this.last.messagesOut),
      pokesPerSecond: rate(now.pokes, this.last.pokes),
    };
    this.last = now;
  }

  rates() {
    return this.current;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
