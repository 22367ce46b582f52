import type { PrintJob, Station } from '@kitchensync/shared';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { useMemo, useState } from 'react';
import { newId } from '../../model/ids.ts';
import { jobsByPrinter } from '../../model/print-jobs.ts';
import { emptyPrinterForm } from '../../model/printer-form.ts';
import { usePrintJobs, usePrinters } from '../../sync/use-replica.ts';
import { PrinterCard, type PrinterCommands } from './printer-card.tsx';
import { PrinterEditor } from './printer-editor.tsx';

/** The kitchen's printers on the Kitchen page: add and edit them, give them roles, follow their jobs. */
export function PrintersPanel({ stations }: { stations: readonly Station[] }) {
  const { rep } = useSyncClient();
  const { map: printerMap } = usePrinters();
  const { map: jobMap } = usePrintJobs();
  const [adding, setAdding] = useState<string>();
  const printers = [...printerMap.values()].sort((a, b) => a.name.localeCompare(b.name));
  const jobs = useMemo(() => jobsByPrinter(jobMap.values()), [jobMap]);
  // A refused change comes back as a rejection notice (RejectionNotices): nothing to do here.
  const quietly = (p: Promise<unknown>) => void p.catch(() => undefined);
  const commandsFor = (printerId: string): PrinterCommands => ({
    save: (args) => quietly(rep.mutate.upsertPrinter(args)),
    assign: (a) => quietly(rep.mutate.assignPrinter({ printerId, ...a })),
    unassign: (a) => quietly(rep.mutate.unassignPrinter({ printerId, role: a.role, ...(a.stationId ? { stationId: a.stationId } : {}) })),
    redirect: (to) => quietly(rep.mutate.redirectPrinter({ printerId, to, at: Date.now() })),
    reprint: (job: PrintJob) => {
      if (job.kitchenOrderId) quietly(rep.mutate.reprintTicket({ kitchenOrderId: job.kitchenOrderId, printerId, at: Date.now() }));
    },
  });
  return (
    <section className="card printers" aria-labelledby="printers-title" id="printers">
      <div className="card__head">
        <h2 id="printers-title">Printers</h2>
        {adding === undefined && (
          <button type="button" className="btn btn--small btn--primary" onClick={() => setAdding(newId('pr'))}>
            Add printer
          </button>
        )}
      </div>
      {adding !== undefined && (
        <PrinterEditor
          initial={emptyPrinterForm(adding)}
          title="New printer"
          onSave={(args) => {
            quietly(rep.mutate.upsertPrinter(args));
            setAdding(undefined);
          }}
          onCancel={() => setAdding(undefined)}
        />
      )}
      {printers.length === 0 && adding === undefined && <p className="muted">No printers yet. A station without a screen, or the pass, can print its tickets on a network ESC/POS printer.</p>}
      <div className="printer-grid">
        {printers.map((p) => (
          <PrinterCard key={p.id} printer={p} printers={printers} stations={stations} jobs={jobs.get(p.id) ?? []} commands={commandsFor(p.id)} />
        ))}
      </div>
    </section>
  );
}
