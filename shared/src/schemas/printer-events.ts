import type { PrinterCondition, PrinterRole } from './printers.ts';

/** What the printer mutators did, in the audit trail's words. */
export type PrintEvent =
  | { type: 'printer.upserted'; printerId: string }
  | { type: 'printer.assigned'; printerId: string; role: PrinterRole; stationId?: string }
  | { type: 'printer.unassigned'; printerId: string; role: PrinterRole; stationId?: string }
  | { type: 'printer.redirected'; printerId: string; to: string | null; jobIds: string[] }
  | { type: 'printer.state_reported'; printerId: string; condition: PrinterCondition; waiting: number }
  | { type: 'ticket.reprinted'; orderId: string; kitchenOrderId: string }
  | { type: 'print_job.claimed'; jobId: string; attempt: number; possibleDuplicate: boolean }
  | { type: 'print_job.finished'; jobId: string; outcome: 'printed' | 'failed' | 'waiting'; failure?: string }
  | { type: 'station.screens_down'; stationId: string; since: number; jobIds: string[] }
  | { type: 'station.screens_back'; stationId: string; since: number; printed: string[] }
  | { type: 'station.screen_notice_dismissed'; stationId: string };
