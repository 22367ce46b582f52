// One load process of `pnpm bench capacity`: it runs the restaurants it is sent and reports what
// their screens saw, and its own CPU and event-loop delay (a saturated load process would show
// up as server latency).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Restaurant, type RestaurantSpec, type RushOptions } from './rush.ts';
import type { WorkerReport } from './protocol.ts';
import { runQueueSeconds } from './usage.ts';

type Command = { type: 'open'; restaurants: RestaurantSpec[]; runTag: string; options: RushOptions } | { type: 'start' | 'measure' | 'stop' };

const send = (message: unknown) => process.send?.(message);
const restaurants: Restaurant[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
const noSamples = () => ({ push: [] as number[], pull: [] as number[], pushInServer: [] as number[], pullInServer: [] as number[], pokeLag: [] as number[] });
let samples = noSamples();
let counts = { mutations: 0, orders: 0, pokes: 0, emptyPulls: 0 };
let errors: Record<string, number> = {};
let from = { cpu: process.cpuUsage(), at: performance.now(), waiting: 0 };
let measuring = false;

const counters = {
  onRoundTrip: (kind: 'push' | 'pull', ms: number, serverMs: number) => {
    if (!measuring) return;
    samples[kind].push(ms);
    samples[`${kind}InServer`].push(serverMs);
  },
  onPoke: (lagMs: number) => {
    if (!measuring) return;
    counts.pokes += 1;
    samples.pokeLag.push(lagMs);
  },
  onEmptyPull: () => void (measuring && (counts.emptyPulls += 1)),
  onError: (kind: string) => void (errors[kind] = (errors[kind] ?? 0) + 1),
  onMutation: (name: string) => {
    if (!measuring) return;
    counts.mutations += 1;
    if (name === 'createOrder') counts.orders += 1;
  },
};

async function open(specs: RestaurantSpec[], runTag: string, options: RushOptions): Promise<void> {
  const batch = 10;
  for (let i = 0; i < specs.length; i += batch) {
    const opened = specs.slice(i, i + batch).map((spec, k) => new Restaurant(spec, `${runTag}-${i + k}`, options, counters));
    await Promise.all(opened.map((r) => r.open()));
    restaurants.push(...opened);
  }
}

function measure(): void {
  samples = noSamples();
  counts = { mutations: 0, orders: 0, pokes: 0, emptyPulls: 0 };
  errors = {};
  for (const r of restaurants) r.measuring = true;
  measuring = true;
  loopDelay.reset();
  loopDelay.enable();
  from = { cpu: process.cpuUsage(), at: performance.now(), waiting: runQueueSeconds(process.pid) };
}

function report(): WorkerReport {
  const cpu = process.cpuUsage(from.cpu);
  const wallMs = performance.now() - from.at;
  return {
    visible: restaurants.map((r) => r.visible),
    ...samples,
    ...counts,
    errors,
    wallMs,
    cpuCores: (cpu.user + cpu.system) / 1000 / wallMs,
    runQueue: (runQueueSeconds(process.pid) - from.waiting) / (wallMs / 1000),
    loopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  };
}

process.on('message', (command: Command) => {
  if (command.type === 'open') {
    open(command.restaurants, command.runTag, command.options).then(
      () => send({ type: 'opened' }),
      (err: unknown) => send({ type: 'failed', message: String(err) }),
    );
  } else if (command.type === 'start') {
    for (const r of restaurants) r.start();
  } else if (command.type === 'measure') {
    measure();
  } else {
    measuring = false;
    const stats = report();
    for (const r of restaurants) r.close();
    // Disconnect once the report is written to the channel: a large one (hundreds of restaurants'
    // samples) could otherwise still be in flight when the parent sees this process exit.
    process.send?.({ type: 'stats', stats }, undefined, {}, () => process.disconnect?.());
  }
});
