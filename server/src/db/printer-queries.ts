import type { PrintJob, PrintJobStatus, Printer } from '@kitchensync/shared';
import type { Queryable } from './database.ts';
import { findEntity } from './entities.ts';

export async function listPrinters(q: Queryable, tenantId: string): Promise<Printer[]> {
  const { rows } = await q.query<{ data: Printer }>(`SELECT data FROM printers WHERE tenant_id = $1 ORDER BY data->>'name', id`, [tenantId]);
  return rows.map((r) => r.data);
}

export const findPrinter = (q: Queryable, tenantId: string, id: string) => findEntity<Printer>(q, tenantId, 'printer', id);

/** Jobs in queue order (the order they print in): oldest event first. */
export async function listPrintJobs(
  q: Queryable,
  tenantId: string,
  f: { printerId?: string | undefined; status?: readonly PrintJobStatus[] | undefined; limit: number },
): Promise<PrintJob[]> {
  const { rows } = await q.query<{ data: PrintJob }>(
    `SELECT data FROM print_jobs
     WHERE tenant_id = $1 AND ($2::text IS NULL OR data->>'printerId' = $2::text)
       AND ($3::text[] IS NULL OR data->>'status' = ANY($3::text[]))
     ORDER BY (data->>'createdAt')::bigint, id COLLATE "C" LIMIT $4`,
    [tenantId, f.printerId ?? null, f.status ?? null, f.limit],
  );
  return rows.map((r) => r.data);
}

/** Every tenant's jobs not yet printed, in queue order: what a print agent delivers. */
export async function unfinishedPrintJobs(q: Queryable, tenantId: string): Promise<PrintJob[]> {
  const { rows } = await q.query<{ data: PrintJob }>(
    `SELECT data FROM print_jobs WHERE tenant_id = $1 AND data->>'status' <> 'printed'
     ORDER BY (data->>'createdAt')::bigint, id COLLATE "C"`,
    [tenantId],
  );
  return rows.map((r) => r.data);
}
