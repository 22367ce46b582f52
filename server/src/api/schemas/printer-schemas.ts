import { z } from 'zod';
import {
  assignPrinterArgsSchema,
  derivedIdSchema,
  idSchema,
  printJobSchema,
  printJobStatuses,
  printerSchema,
  unassignPrinterArgsSchema,
  upsertPrinterArgsSchema,
} from '@kitchensync/shared';
import { intQuery, listOf, listQuery, requestSchemas, responseSchemas } from './common-schemas.ts';

export const createPrinterBody = upsertPrinterArgsSchema.partial({ id: true }).required({ host: true });
requestSchemas.add(createPrinterBody, {
  id: 'CreatePrinter',
  description: 'A network ESC/POS printer: `host` and `port` (raw TCP, 9100 when absent), `paperMm` 58 or 80 (80 when absent: 48 characters a line, 58 mm: 32), `codePage` (cp437 when absent).',
});
export const updatePrinterBody = upsertPrinterArgsSchema.omit({ id: true }).partial();
requestSchemas.add(updatePrinterBody, { id: 'UpdatePrinter', description: 'Fields not sent keep their value.' });

export const assignPrinterBody = assignPrinterArgsSchema.omit({ printerId: true });
requestSchemas.add(assignPrinterBody, {
  id: 'AssignPrinter',
  description: '`primary` (needs `stationId`): every ticket of the station prints. `backup` (needs `stationId`, `backupAfterSeconds` 60 when absent): the station\'s tickets print while none of its screens has been online for that long. `expo` (no station): an order chit when the order is all in.',
});
export const unassignPrinterQuery = unassignPrinterArgsSchema.omit({ printerId: true });

export const redirectPrinterBody = z.object({ to: idSchema.nullable().describe('the printer that takes this queue; null ends the redirect') });
requestSchemas.add(redirectPrinterBody, { id: 'RedirectPrinter' });

export const reprintBody = z.object({
  kitchenOrderId: derivedIdSchema,
  printerId: idSchema.optional().describe("default: every printer assigned to the ticket's station"),
});
requestSchemas.add(reprintBody, { id: 'ReprintTicket' });

export const printJobListQuery = z.object({
  printer: idSchema.optional(),
  status: listQuery(printJobStatuses).optional(),
  limit: intQuery(1, 500).optional(),
});

export const printerListSchema = listOf(printerSchema);
export const printJobListSchema = listOf(printJobSchema);
export const reprintAnswerSchema = z.object({ items: z.array(printJobSchema) });
responseSchemas.add(printerListSchema, { id: 'PrinterList' });
responseSchemas.add(printJobListSchema, { id: 'PrintJobList' });
responseSchemas.add(reprintAnswerSchema, { id: 'ReprintJobs' });
responseSchemas.add(printerSchema, { id: 'Printer' });
responseSchemas.add(printJobSchema, { id: 'PrintJob' });
