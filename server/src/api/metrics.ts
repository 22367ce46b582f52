import type { SocketRegistry } from '../sync/socket-registry.ts';

/** Process counters; /api/metrics prints them in Prometheus' text format. */
export interface Metrics {
  requests: number;
  errors: number;
  mutationsPushed: number;
  pulls: number;
  /** REST writes, and the transactions they were committed in (group commit). */
  restWrites: number;
  restWriteBatches: number;
}

export const newMetrics = (): Metrics => ({ requests: 0, errors: 0, mutationsPushed: 0, pulls: 0, restWrites: 0, restWriteBatches: 0 });

export function prometheusText(metrics: Metrics, registry: SocketRegistry): string {
  const lines: [string, string, number][] = [
    ['kitchensync_http_requests_total', 'counter', metrics.requests],
    ['kitchensync_http_errors_total', 'counter', metrics.errors],
    ['kitchensync_mutations_pushed_total', 'counter', metrics.mutationsPushed],
    ['kitchensync_pulls_total', 'counter', metrics.pulls],
    ['kitchensync_rest_writes_total', 'counter', metrics.restWrites],
    ['kitchensync_rest_write_batches_total', 'counter', metrics.restWriteBatches],
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
