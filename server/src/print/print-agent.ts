import { layoutPrintDoc, type MutatorName, type PrintJob, type Printer, type PrinterCondition } from '@kitchensync/shared';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { listPrinters, unfinishedPrintJobs } from '../db/printer-queries.ts';
import type { AgentWriter } from './agent-writers.ts';
import { BackupWatch } from './backup-watch.ts';
import { encodeLines } from './escpos.ts';
import { conditionOf, nextDelay, notReadyOf } from './printer-condition.ts';
import { PrinterLink } from './printer-link.ts';
import { printLedger } from './print-ledger.ts';

export interface PrintAgentOptions {
  readonly agentId: string;
  /** How often the agent looks for new jobs. */
  readonly pollMs: number;
  /** Deadline of each step of a delivery (connect, status, send). */
  readonly timeoutMs: number;
  /** A job left "printing" by another agent this long is taken over (that agent is taken for dead). */
  readonly leaseMs: number;
}

/** Per printer: what the agent last reported and when it may try again. */
interface PrinterTrack {
  failures: number;
  notBefore: number;
  reported: { condition: PrinterCondition; waiting: number } | undefined;
}

/**
 * Delivers print jobs on the machine that reaches the printers (a restaurant hub, or a server
 * started with PRINT_AGENT=on). Per printer, one job at a time in queue order: a job that fails
 * holds the ones after it, so tickets never print out of order. Each delivery: connect, ask the
 * real-time status (DLE EOT), claim the job, send it, ask the status again, note it in the local
 * ledger, mark it printed. What happens on each failure is in README "Kitchen printers".
 */
export class PrintAgent {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  /** A wake-up came during a round: another follows at once. */
  private again = false;
  private readonly tracks = new Map<string, PrinterTrack>();
  /** Printers with a delivery under way, and those deliveries (stop waits for them). */
  private readonly busy = new Map<string, Promise<void>>();
  private readonly backup: BackupWatch;

  constructor(
    private readonly db: Database,
    /** How the agent's word on a job is written: here, or through a hub's link to its cloud. */
    private readonly writer: AgentWriter,
    private readonly options: PrintAgentOptions,
    private readonly logger: Logger,
  ) {
    this.backup = new BackupWatch(db, writer, logger);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /**
   * Something was committed (a poke: a fired ticket may be waiting): look now instead of at the
   * next poll, which stays as the backstop for a missed poke and for retries after a backoff.
   */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await Promise.all(this.busy.values());
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    this.again = false;
    this.running = this.round().catch((err: unknown) => this.logger.error({ err }, 'print agent round failed'));
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.schedule(this.again ? 0 : this.options.pollMs);
  }

  private async round(): Promise<void> {
    // Backup mode first: a station whose screens just went has its batch queued for this round.
    await this.backup.check().catch((err: unknown) => this.logger.error({ err }, 'backup watch failed'));
    const { rows } = await this.db.query<{ tenant_id: string }>(
      `SELECT tenant_id FROM print_jobs WHERE data->>'status' <> 'printed' UNION SELECT tenant_id FROM printers WHERE data->'state'->>'condition' <> 'ok'`,
    );
    await Promise.all(rows.map((r) => this.serveTenant(r.tenant_id)));
  }

  private async serveTenant(tenantId: string): Promise<void> {
    const [printers, jobs] = await Promise.all([listPrinters(this.db, tenantId), unfinishedPrintJobs(this.db, tenantId)]);
    const queues = new Map<string, PrintJob[]>();
    for (const job of jobs) queues.set(job.printerId, [...(queues.get(job.printerId) ?? []), job]);
    // Printers work side by side, a slow one holding up none of the others; each one's queue goes
    // in order: when a delivery ends, the agent looks again at once for the printer's next job.
    for (const printer of printers) {
      const queue = queues.get(printer.id);
      // A printer last seen not ready with nothing queued (its queue went elsewhere) is asked again, so its alert ends when it is fixed.
      const stale = !queue && printer.active && (printer.state?.condition ?? 'ok') !== 'ok';
      if ((!queue && !stale) || this.busy.has(printer.id)) continue;
      const delivery = (queue ? this.serveHead(tenantId, printer, queue) : this.probe(tenantId, printer))
        .catch((err: unknown) => {
          this.logger.error({ err, printerId: printer.id }, 'print delivery failed');
          return false;
        })
        .then((movedOn) => {
          this.busy.delete(printer.id);
          if (movedOn) this.wake();
        });
      this.busy.set(printer.id, delivery);
    }
  }

  private track(printerId: string): PrinterTrack {
    let t = this.tracks.get(printerId);
    if (!t) this.tracks.set(printerId, (t = { failures: 0, notBefore: 0, reported: undefined }));
    return t;
  }

  /** Serves the printer's next job; true when its queue moved on (its next job can go at once). */
  private async serveHead(tenantId: string, printer: Printer, queue: PrintJob[]): Promise<boolean> {
    const [job] = queue;
    const track = this.track(printer.id);
    if (!job || Date.now() < track.notBefore) return false;
    const claimedElsewhere = job.status === 'printing' && job.claimedBy !== this.options.agentId && Date.now() - job.updatedAt < this.options.leaseMs;
    if (claimedElsewhere) return false;
    if (await printLedger.has(this.db, tenantId, job.id)) {
      // Sent before this agent could say so (it died, or a hub's mirror rewound the job): say it now, print nothing.
      return this.claimAndFinish(tenantId, job, 'printed');
    }
    const outcome = await this.deliver(tenantId, printer, job);
    const condition = conditionOf(outcome);
    if (outcome.kind === 'printed') {
      Object.assign(track, { failures: 0, notBefore: 0 });
    } else {
      track.failures += 1;
      track.notBefore = Date.now() + nextDelay(track.failures);
      this.logger.warn({ tenantId, printerId: printer.id, jobId: job.id, outcome }, 'print job not delivered');
    }
    await this.report(tenantId, printer, condition, outcome.kind === 'printed' ? queue.length - 1 : queue.length);
    return outcome.kind === 'printed';
  }

  /** Asks an idle printer its status and reports it; never moves a queue on. */
  private async probe(tenantId: string, printer: Printer): Promise<boolean> {
    const track = this.track(printer.id);
    if (Date.now() < track.notBefore) return false;
    const link = await PrinterLink.open(printer.host, printer.port, this.options.timeoutMs);
    let condition: PrinterCondition = 'unreachable';
    if (link instanceof PrinterLink) {
      const status = await link.status().finally(() => link.end());
      if (!('ok' in status)) condition = notReadyOf(status) ?? 'ok';
    }
    if (condition === 'ok') Object.assign(track, { failures: 0, notBefore: 0 });
    else Object.assign(track, { failures: track.failures + 1, notBefore: Date.now() + nextDelay(track.failures + 1) });
    await this.report(tenantId, printer, condition, 0);
    return false;
  }

  /** One delivery attempt; the job's state is updated as it goes. */
  private async deliver(tenantId: string, printer: Printer, job: PrintJob): Promise<DeliveryOutcome> {
    const link = await PrinterLink.open(printer.host, printer.port, this.options.timeoutMs);
    if (!(link instanceof PrinterLink)) return this.failed(tenantId, job, link.reason, 'unreachable');
    try {
      const before = await link.status();
      if ('ok' in before) return await this.failed(tenantId, job, before.reason, 'unreachable');
      const notReady = notReadyOf(before);
      if (notReady) return { kind: 'not_ready', condition: notReady };
      const claimed = await this.write(tenantId, 'claimPrintJob', { jobId: job.id, agentId: this.options.agentId, at: Date.now(), seen: job.status });
      if (!claimed) return { kind: 'skipped' };
      const duplicate = job.status === 'printing' || job.possibleDuplicate === true;
      const bytes = encodeLines(layoutPrintDoc(job.doc, { columns: printer.columns, possibleDuplicate: duplicate }), printer);
      const sent = await link.send(bytes);
      const after = sent === true ? await link.status() : sent;
      if ('ok' in after) return await this.finish(tenantId, job, 'failed', after.reason, 'unreachable');
      await printLedger.add(this.db, tenantId, job.id);
      await this.finish(tenantId, job, 'printed');
      return { kind: 'printed' };
    } finally {
      link.end();
    }
  }

  private async failed(tenantId: string, job: PrintJob, reason: string, condition: PrinterCondition): Promise<DeliveryOutcome> {
    // Nothing was sent: the job stays where it was, failed with its reason for the dashboard.
    if (job.status === 'waiting' || job.status === 'failed') await this.claimAndFinish(tenantId, job, 'failed', reason);
    return { kind: 'failed', reason, condition };
  }

  private async finish(tenantId: string, job: PrintJob, outcome: 'printed' | 'failed', failure?: string, condition: PrinterCondition = 'unreachable'): Promise<DeliveryOutcome> {
    await this.write(tenantId, 'finishPrintJob', { jobId: job.id, agentId: this.options.agentId, outcome, ...(failure ? { failure } : {}), at: Date.now() });
    return outcome === 'printed' ? { kind: 'printed' } : { kind: 'failed', reason: failure ?? '', condition };
  }

  private async claimAndFinish(tenantId: string, job: PrintJob, outcome: 'printed' | 'failed', failure?: string): Promise<boolean> {
    if (!(await this.write(tenantId, 'claimPrintJob', { jobId: job.id, agentId: this.options.agentId, at: Date.now(), seen: job.status }))) return false;
    await this.finish(tenantId, job, outcome, failure);
    return true;
  }

  /** Tells the station screens and the dashboard what the printer is doing, when that changes. */
  private async report(tenantId: string, printer: Printer, condition: PrinterCondition, waiting: number): Promise<void> {
    const track = this.track(printer.id);
    const shown = condition === 'ok' ? 0 : waiting;
    if (track.reported?.condition === condition && track.reported.waiting === shown) return;
    if (!track.reported && condition === 'ok' && (printer.state?.condition ?? 'ok') === 'ok') return;
    track.reported = { condition, waiting: shown };
    await this.write(tenantId, 'reportPrinterState', { printerId: printer.id, condition, waiting: shown, at: Date.now() });
  }

  private write(tenantId: string, name: MutatorName, args: object): Promise<boolean> {
    return this.writer(tenantId, name, args);
  }
}

export type DeliveryOutcome =
  | { kind: 'printed' }
  | { kind: 'skipped' }
  | { kind: 'not_ready'; condition: PrinterCondition }
  | { kind: 'failed'; reason: string; condition: PrinterCondition };
