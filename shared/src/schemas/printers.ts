import { z } from 'zod';
import { courseSchema, derivedIdSchema, epochMsSchema, idSchema } from './primitives.ts';

/** Paper widths of kitchen printers and the characters a line holds in font A (12×24 dots). */
export const paperWidths = { 58: 32, 80: 48 } as const;
export const paperWidthSchema = z.union([z.literal(58), z.literal(80)]);
export type PaperWidth = z.infer<typeof paperWidthSchema>;
export const columnsFor = (paperMm: PaperWidth): number => paperWidths[paperMm];

/**
 * What a printer does for a station: primary (the station has no screen, every ticket prints),
 * backup (prints when none of the station's screens has been online for `backupAfterSeconds`, and
 * on demand); expo takes no station: it prints an order chit when the order is all in.
 */
export const printerRoles = ['primary', 'backup', 'expo'] as const;
export const printerRoleSchema = z.enum(printerRoles);
export type PrinterRole = z.infer<typeof printerRoleSchema>;

export const backupAfterSecondsSchema = z.number().int().min(5).max(3600);
export const defaultBackupAfterSeconds = 60;

export const printerAssignmentSchema = z.object({
  role: printerRoleSchema,
  /** Absent for expo. */
  stationId: idSchema.optional(),
  /** Backup only: how long a station's screens must be gone before its tickets print here. */
  backupAfterSeconds: backupAfterSecondsSchema.optional(),
});
export type PrinterAssignment = z.infer<typeof printerAssignmentSchema>;

/** What the print agent last found at the printer (ESC/POS real-time status). */
export const printerConditions = ['ok', 'paper_out', 'cover_open', 'offline', 'unreachable'] as const;
export const printerConditionSchema = z.enum(printerConditions);
export type PrinterCondition = z.infer<typeof printerConditionSchema>;

export const printerStateSchema = z.object({
  condition: printerConditionSchema,
  /** Jobs waiting for this printer when the agent looked. */
  waiting: z.number().int().nonnegative(),
  at: epochMsSchema,
  detail: z.string().max(300).optional(),
});
export type PrinterState = z.infer<typeof printerStateSchema>;

const hostSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:_-]+$/, 'a host name or IP address');

export const printerSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(60),
  host: hostSchema,
  port: z.number().int().min(1).max(65535),
  paperMm: paperWidthSchema,
  /** Characters per line, from the paper width. */
  columns: z.number().int().positive(),
  /** The printer's character table, as the encoder names it (cp437, cp858, …). */
  codePage: z.string().trim().min(1).max(20),
  active: z.boolean(),
  assignments: z.array(printerAssignmentSchema).max(50),
  /** Set by a manager: this printer's queue prints on that printer instead. */
  redirectTo: idSchema.optional(),
  state: printerStateSchema.optional(),
});
export type Printer = z.infer<typeof printerSchema>;

/** What a print job prints: a fired ticket, a void slip, a reprint, a fired course, an expo chit, or a "screen down" batch ticket. */
export const printKinds = ['ticket', 'void', 'reprint', 'course', 'expo', 'screen_down'] as const;
export const printKindSchema = z.enum(printKinds);
export type PrintKind = z.infer<typeof printKindSchema>;

export const printItemSchema = z.object({
  quantity: z.number().int().positive(),
  name: z.string(),
  modifiers: z.array(z.string()),
  notes: z.string().optional(),
  guestAllergy: z.string().optional(),
});
export type PrintItem = z.infer<typeof printItemSchema>;

/** One ticket (or chit) as it goes on paper. */
const ticketDocSchema = z.object({
  kind: printKindSchema,
  /** Absent on a "screen down" batch, which holds several orders' tickets. */
  orderId: idSchema.optional(),
  number: z.string(),
  channel: z.string(),
  stationName: z.string().optional(),
  table: z.string().optional(),
  guests: z.number().int().positive().optional(),
  course: courseSchema.optional(),
  allergies: z.array(z.string()),
  items: z.array(printItemSchema),
  /** When the ticket went to the line (or the event happened). */
  at: epochMsSchema,
  reason: z.string().optional(),
});

/** The content of a job, snapshotted at the event: the paper says what was fired, whatever changes later. */
export const printDocSchema = ticketDocSchema.extend({
  /** A "screen down" batch: the station's open tickets, each laid out under the batch's header. */
  tickets: z.array(ticketDocSchema).optional(),
  /** A batch: when the station's screens were last online. */
  screensGoneSince: epochMsSchema.optional(),
});
export type PrintDoc = z.infer<typeof printDocSchema>;

export const printJobStatuses = ['waiting', 'printing', 'printed', 'failed'] as const;
export const printJobStatusSchema = z.enum(printJobStatuses);
export type PrintJobStatus = z.infer<typeof printJobStatusSchema>;

export const printJobSchema = z.object({
  id: derivedIdSchema,
  printerId: idSchema,
  kitchenOrderId: derivedIdSchema.optional(),
  stationId: idSchema.optional(),
  status: printJobStatusSchema,
  doc: printDocSchema,
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
  attempts: z.number().int().nonnegative(),
  /** The agent that claimed it last, and when. */
  claimedBy: z.string().optional(),
  /** Why the last attempt failed. */
  failure: z.string().optional(),
  printedAt: epochMsSchema.optional(),
  /** A claim was found unfinished (the agent died after sending): the next copy says so on paper. */
  possibleDuplicate: z.boolean().optional(),
  /** The printer it was first meant for, when a manager redirected it. */
  redirectedFrom: idSchema.optional(),
  /** A "screen down" batch: the tickets it prints. */
  kitchenOrderIds: z.array(derivedIdSchema).optional(),
  /** Queued on a backup printer while its station's screens were down (since then): what their notice lists. */
  screensDownSince: epochMsSchema.optional(),
});
export type PrintJob = z.infer<typeof printJobSchema>;

// ---- mutator args ----

export const upsertPrinterArgsSchema = printerSchema
  .omit({ columns: true, assignments: true, redirectTo: true, state: true })
  .partial({ host: true, port: true, paperMm: true, codePage: true, active: true });
export const assignPrinterArgsSchema = printerAssignmentSchema.extend({ printerId: idSchema });
export const unassignPrinterArgsSchema = z.object({ printerId: idSchema, role: printerRoleSchema, stationId: idSchema.optional() });
export const redirectPrinterArgsSchema = z.object({ printerId: idSchema, to: idSchema.nullable(), at: epochMsSchema });
export const reprintTicketArgsSchema = z.object({ kitchenOrderId: derivedIdSchema, printerId: idSchema.optional(), at: epochMsSchema });
export const claimPrintJobArgsSchema = z.object({
  jobId: derivedIdSchema,
  agentId: z.string().min(1).max(100),
  at: epochMsSchema,
  /** The job's status when the agent chose it: a job that moved since (another agent claimed it) is not taken. */
  seen: printJobStatusSchema.optional(),
});
export const finishPrintJobArgsSchema = z.object({
  jobId: derivedIdSchema,
  agentId: z.string().min(1).max(100),
  outcome: z.enum(['printed', 'failed', 'waiting']),
  failure: z.string().max(300).optional(),
  at: epochMsSchema,
});
export const reportPrinterStateArgsSchema = printerStateSchema.extend({ printerId: idSchema });

export type UpsertPrinterArgs = z.infer<typeof upsertPrinterArgsSchema>;
export type AssignPrinterArgs = z.infer<typeof assignPrinterArgsSchema>;
export type RedirectPrinterArgs = z.infer<typeof redirectPrinterArgsSchema>;
export type FinishPrintJobArgs = z.infer<typeof finishPrintJobArgsSchema>;
