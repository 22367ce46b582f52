import type { SocketRegistry } from '../sync/sockets.ts';
import type { WriteCounters } from '../sync/tenant-write-queue.ts';

/** Process counters; /api/metrics prints them in Prometheus' text format. */
export interface Metrics {
  requests: number;
  errors: number;
  mutationsPushed: number;
  pulls: number;
  /** Screen presence flushes the database refused (`screens/screen-presence.ts`): logged, dropped, and counted here. */
  presenceWriteFailures: number;
}

/** The sync work's own time, without HTTP and JSON parsing: what `pnpm bench sync` reports as server time. */
export const serverTiming = (start: bigint) => `sync;dur=${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(2)}`;

export const newMetrics = (): Metrics => ({ requests: 0, errors: 0, mutationsPushed: 0, pulls: 0, presenceWriteFailures: 0 });

export function prometheusText(metrics: Metrics, registry: SocketRegistry, writes: WriteCounters): string {
  const lines: [string, string, number][] = [
    ['kitchensync_http_requests_total', 'counter', metrics.requests],
    ['kitchensync_http_errors_total', 'counter', metrics.errors],
    ['kitchensync_mutations_pushed_total', 'counter', metrics.mutationsPushed],
    ['kitchensync_pulls_total', 'counter', metrics.pulls],
    // A failed flush is retried by no one: the next one writes what is heard then (README "Kitchen printers").
    ['kitchensync_screen_presence_write_failures_total', 'counter', metrics.presenceWriteFailures],
    // Sync pushes and REST writes, and the transactions group commit ran them in.
    ['kitchensync_writes_total', 'counter', writes.writes],
    ['kitchensync_write_transactions_total', 'counter', writes.transactions],
    ['kitchensync_ws_connections', 'gauge', registry.all().length],
    ['kitchensync_ws_pokes_total', 'counter', registry.counters.pokes],
    ['kitchensync_ws_messages_out_total', 'counter', registry.counters.messagesOut],
    ['kitchensync_ws_messages_in_total', 'counter', registry.counters.messagesIn],
    ['kitchensync_process_resident_bytes', 'gauge', process.memoryUsage().rss],
    // JS heap plus buffers held outside it: what each socket's objects and buffers cost.
    ['kitchensync_process_heap_bytes', 'gauge', process.memoryUsage().heapUsed + process.memoryUsage().external],
  ];
  return lines.map(([name, type, value]) => `# TYPE ${name} ${type}\n${name} ${value}`).join('\n') + '\n';
}
