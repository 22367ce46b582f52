/** What a load process reports at the end of a measured run. */
export interface WorkerReport {
  /** Per restaurant: ms from a push leaving one screen to each other screen's pull bringing it. */
  visible: number[][];
  push: number[];
  pull: number[];
  /** The sync work's part of each (`Server-Timing`): the rest is HTTP, queues and the event loops. */
  pushInServer: number[];
  pullInServer: number[];
  /** ms from a poke's arrival to the pull it asks for leaving. */
  pokeLag: number[];
  mutations: number;
  /** createOrder mutations sent. */
  orders: number;
  pokes: number;
  /** Pulls that changed nothing on their screen. */
  emptyPulls: number;
  errors: Record<string, number>;
  wallMs: number;
  /** The load process's own CPU over the measured run, in cores. */
  cpuCores: number;
  /** Its threads runnable but waiting for a core, on average. */
  runQueue: number;
  loopDelayMs: { p50: number; p99: number; max: number };
}
