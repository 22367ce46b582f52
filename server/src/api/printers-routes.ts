import { printerKey, printerSchema, printJobKey, type PrintJob, type Printer } from '@kitchensync/shared';
import { newId } from '../auth/tokens.ts';
import { findPrinter, listPrintJobs, listPrinters } from '../db/printer-queries.ts';
import { HttpError } from '../http/http-error.ts';
import { found } from './found.ts';
import { writeThrough, type RestWrite } from './rest-write.ts';
import { defineRoute, type RouteContext } from './route-spec.ts';
import { idParams } from './schemas/common-schemas.ts';
import {
  assignPrinterBody,
  createPrinterBody,
  printerListSchema,
  printJobListQuery,
  printJobListSchema,
  redirectPrinterBody,
  reprintAnswerSchema,
  reprintBody,
  unassignPrinterQuery,
  updatePrinterBody,
} from './schemas/printer-schemas.ts';

const tag = 'Printers';

/** Runs one printer mutator and answers the printer as stored after it. */
function printerWrite(ctx: RouteContext<{ id: string }, unknown, unknown>, run: (w: RestWrite, printer: Printer) => Promise<unknown>) {
  return writeThrough(ctx, async (w) => {
    const printer = found(await w.get<Printer>(printerKey(ctx.params.id)), 'printer');
    await run(w, printer);
    return w.get<Printer>(printerKey(printer.id));
  });
}

const update = (method: 'put' | 'patch') =>
  defineRoute({
    method, path: '/printers/:id', tag, roles: ['manager'], summary: `Update a printer${method === 'patch' ? ' (same as PUT)' : ''}`,
    params: idParams, body: updatePrinterBody,
    success: { status: 200, schema: printerSchema, description: 'the printer' },
    errors: [400, 404, 422],
    handle: (ctx) => printerWrite(ctx, (w, p) => w.apply('upsertPrinter', { ...ctx.body, id: p.id })),
  });

export const printerRoutes = [
  defineRoute({
    method: 'get', path: '/printers', tag, roles: ['manager', 'kitchen'], summary: 'List printers',
    description: 'Each with its assignments, a redirect if a manager set one, and `state`: what the print agent last found (`paper_out`, `offline`…) and how many jobs wait.',
    success: { status: 200, schema: printerListSchema, description: 'printers by name' },
    errors: [400],
    handle: async ({ db, tenantId }) => ({ items: await listPrinters(db, tenantId), nextCursor: null }),
  }),
  defineRoute({
    method: 'get', path: '/printers/:id', tag, roles: ['manager', 'kitchen'], summary: 'Get a printer',
    params: idParams,
    success: { status: 200, schema: printerSchema, description: 'the printer' },
    errors: [400, 404],
    handle: async ({ db, tenantId, params }) => found(await findPrinter(db, tenantId, params.id), 'printer'),
  }),
  defineRoute({
    method: 'post', path: '/printers', tag, roles: ['manager'], summary: 'Add a printer',
    body: createPrinterBody,
    success: { status: 201, schema: printerSchema, description: 'the new printer' },
    errors: [400, 409, 422],
    handle: (ctx) =>
      writeThrough(ctx, async (w) => {
        const id = ctx.body.id ?? newId('pr');
        if (await w.get(printerKey(id))) throw new HttpError(409, 'already_exists', `printer ${id} already exists`);
        await w.apply('upsertPrinter', { ...ctx.body, id });
        return w.get<Printer>(printerKey(id));
      }),
  }),
  update('put'),
  update('patch'),
  defineRoute({
    method: 'put', path: '/printers/:id/assignments', tag, roles: ['manager'], summary: 'Give a printer a role',
    description: 'Adds the role, or replaces the same role for the same station (a new backup threshold).',
    params: idParams, body: assignPrinterBody,
    success: { status: 200, schema: printerSchema, description: 'the printer' },
    errors: [400, 404, 422],
    handle: (ctx) => printerWrite(ctx, (w, p) => w.apply('assignPrinter', { ...ctx.body, printerId: p.id })),
  }),
  defineRoute({
    method: 'delete', path: '/printers/:id/assignments', tag, roles: ['manager'], summary: 'Take a role from a printer',
    params: idParams, query: unassignPrinterQuery,
    success: { status: 200, schema: printerSchema, description: 'the printer' },
    errors: [400, 404],
    handle: (ctx) => printerWrite(ctx, (w, p) => w.apply('unassignPrinter', { ...ctx.query, printerId: p.id })),
  }),
  defineRoute({
    method: 'put', path: '/printers/:id/redirect', tag, roles: ['manager'], summary: "Send a printer's queue to another printer",
    description: 'Its waiting and failed jobs move to `to` now and new ones follow until `to` is null again (paper out at the bar: print at the pass).',
    params: idParams, body: redirectPrinterBody,
    success: { status: 200, schema: printerSchema, description: 'the redirected printer' },
    errors: [400, 404, 422],
    handle: (ctx) => printerWrite(ctx, (w, p) => w.apply('redirectPrinter', { printerId: p.id, to: ctx.body.to, at: Date.now() })),
  }),
  defineRoute({
    method: 'get', path: '/print-jobs', tag, roles: ['manager'], summary: 'List print jobs',
    description: 'In the order they print (oldest event first): `waiting`, `printing`, `printed` or `failed` (with `failure`, the reason; failed jobs are tried again).',
    query: printJobListQuery,
    success: { status: 200, schema: printJobListSchema, description: 'print jobs' },
    errors: [400],
    handle: async ({ db, tenantId, query }) => ({
      items: await listPrintJobs(db, tenantId, { printerId: query.printer, status: query.status, limit: query.limit ?? 200 }),
      nextCursor: null,
    }),
  }),
  defineRoute({
    method: 'post', path: '/print-jobs/reprints', tag, roles: ['manager', 'kitchen'], summary: 'Reprint a ticket',
    description: 'Prints a kitchen order (ticket) again, marked REPRINT, on the printer named or on every printer of its station (none → 422).',
    body: reprintBody,
    success: { status: 201, schema: reprintAnswerSchema, description: 'the reprint jobs' },
    errors: [400, 404, 422],
    handle: (ctx) =>
      writeThrough(ctx, async (w) => {
        const at = Date.now();
        await w.apply('reprintTicket', { ...ctx.body, at });
        return { items: await w.list<PrintJob>(printJobKey(`${ctx.body.kitchenOrderId}.reprint-${at}.`)) };
      }),
  }),
];
