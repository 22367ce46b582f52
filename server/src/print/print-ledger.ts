import type { Queryable } from '../db/database.ts';

/**
 * Job ids whose bytes this machine sent to a printer (table print_ledger, never synced): written
 * right after the printer took the job and before the agent marks it printed, so an agent that
 * dies in between, or a hub whose mirror rewinds a job to the cloud's state, does not print it again.
 */
export const printLedger = {
  async has(q: Queryable, tenantId: string, jobId: string): Promise<boolean> {
    const { rows } = await q.query('SELECT 1 FROM print_ledger WHERE tenant_id = $1 AND job_id = $2', [tenantId, jobId]);
    return rows.length > 0;
  },
  async add(q: Queryable, tenantId: string, jobId: string): Promise<void> {
    await q.query('INSERT INTO print_ledger (tenant_id, job_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [tenantId, jobId]);
  },
};
