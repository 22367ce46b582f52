import { printerAlert, printerConditionLabel, type PrintJob, type Printer, type Station, type UpsertPrinterArgs } from '@kitchensync/shared';
import { useState } from 'react';
import { printerToForm } from '../../model/printer-form.ts';
import { PrintJobList } from './print-job-list.tsx';
import { PrinterAssignments, type AssignmentCommands } from './printer-assignments.tsx';
import { PrinterEditor } from './printer-editor.tsx';

export interface PrinterCommands extends AssignmentCommands {
  readonly save: (args: UpsertPrinterArgs) => void;
  readonly redirect: (to: string | null) => void;
  readonly reprint: (job: PrintJob) => void;
}

export interface PrinterCardProps {
  readonly printer: Printer;
  /** Every printer of the restaurant, to send this one's queue to. */
  readonly printers: readonly Printer[];
  readonly stations: readonly Station[];
  readonly jobs: readonly PrintJob[];
  readonly commands: PrinterCommands;
}

/** One printer: connection and state, its roles, where its queue goes, and its jobs. */
export function PrinterCard({ printer, printers, stations, jobs, commands }: PrinterCardProps) {
  const [editing, setEditing] = useState(false);
  const target = printers.find((p) => p.id === printer.redirectTo);
  const alert = printerAlert(printer, target?.name);
  const condition = printer.state?.condition ?? 'ok';
  const takers = printers.filter((p) => p.id !== printer.id && !p.redirectTo);
  return (
    <article className={`printer-card${printer.active ? '' : ' is-inactive'}`} data-printer-id={printer.id} data-condition={condition} aria-label={`Printer ${printer.name}`}>
      <header className="printer-card__head">
        <div>
          <h3>{printer.name}</h3>
          <span className="muted small">
            {printer.host}:{printer.port} · {printer.paperMm} mm · {printer.codePage}
          </span>
        </div>
        <span className={`printer-pill printer-pill--${printer.active ? condition : 'off'}`}>{printer.active ? printerConditionLabel(condition) : 'Off'}</span>
      </header>
      {alert && (
        <p className="banner banner--warning banner--inline" data-printer-alert={printer.id}>
          {alert}
        </p>
      )}
      {editing ? (
        <PrinterEditor
          initial={printerToForm(printer)}
          title={`Edit ${printer.name}`}
          onSave={(args) => {
            commands.save(args);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="printer-card__actions">
          <button type="button" className="btn btn--small" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="btn btn--small btn--ghost" onClick={() => commands.save({ id: printer.id, name: printer.name, active: !printer.active })}>
            {printer.active ? 'Switch off' : 'Switch on'}
          </button>
        </div>
      )}
      <PrinterAssignments printer={printer} stations={stations} commands={commands} />
      <label className="field printer-card__redirect">
        <span className="field__label">Print this printer’s queue on</span>
        <select name="redirect" value={printer.redirectTo ?? ''} onChange={(e) => commands.redirect(e.target.value === '' ? null : e.target.value)}>
          <option value="">{printer.name} itself</option>
          {takers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <PrintJobList jobs={jobs} onReprint={commands.reprint} />
    </article>
  );
}
