import { defaultBackupAfterSeconds, printerRoles, type Printer, type PrinterAssignment, type PrinterRole, type Station } from '@kitchensync/shared';
import { useState, type FormEvent } from 'react';
import { roleHelp, roleLabel } from '../../model/printer-form.ts';

export interface AssignmentCommands {
  readonly assign: (a: PrinterAssignment) => void;
  readonly unassign: (a: Pick<PrinterAssignment, 'role' | 'stationId'>) => void;
}

const slotName = (a: PrinterAssignment, stationName: (id: string) => string) =>
  `${roleLabel[a.role]}${a.stationId ? ` · ${stationName(a.stationId)}` : ''}${a.role === 'backup' ? ` after ${a.backupAfterSeconds ?? defaultBackupAfterSeconds} s` : ''}`;

/** A printer's roles (primary, backup or expo) and the form that gives it another. */
export function PrinterAssignments({ printer, stations, commands }: { printer: Printer; stations: readonly Station[]; commands: AssignmentCommands }) {
  const [role, setRole] = useState<PrinterRole>('primary');
  const [stationId, setStationId] = useState(stations[0]?.id ?? '');
  const [after, setAfter] = useState(String(defaultBackupAfterSeconds));
  const [problem, setProblem] = useState<string>();
  const stationName = (id: string) => stations.find((s) => s.id === id)?.name ?? id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const seconds = Number(after);
    if (role === 'backup' && !(Number.isInteger(seconds) && seconds >= 5 && seconds <= 3600)) return setProblem('A backup prints after 5 to 3600 seconds without a screen.');
    if (role !== 'expo' && !stationId) return setProblem('Pick the station this printer serves.');
    setProblem(undefined);
    commands.assign({ role, ...(role === 'expo' ? {} : { stationId }), ...(role === 'backup' ? { backupAfterSeconds: seconds } : {}) });
  };
  return (
    <div className="printer-assignments">
      {printer.assignments.length === 0 ? (
        <p className="muted small">No role yet: this printer prints only what is sent to it.</p>
      ) : (
        <ul className="printer-assignments__list" aria-label={`Roles of ${printer.name}`}>
          {printer.assignments.map((a) => (
            <li key={`${a.role}-${a.stationId ?? ''}`} className="printer-role" data-role={a.role} data-station-id={a.stationId}>
              <span>{slotName(a, stationName)}</span>
              <BackupMode assignment={a} stations={stations} />
              <button type="button" className="btn btn--small btn--ghost" aria-label={`Remove ${slotName(a, stationName)}`} onClick={() => commands.unassign(a)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="printer-assignments__add" onSubmit={submit} aria-label={`Give ${printer.name} a role`}>
        <label className="field">
          <span className="field__label">Role</span>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as PrinterRole)}>
            {printerRoles.map((r) => (
              <option key={r} value={r}>
                {roleLabel[r]}
              </option>
            ))}
          </select>
        </label>
        {role !== 'expo' && (
          <label className="field">
            <span className="field__label">Station</span>
            <select name="station" value={stationId} onChange={(e) => setStationId(e.target.value)}>
              {stations.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {role === 'backup' && (
          <label className="field">
            <span className="field__label">After (s)</span>
            <input name="backupAfterSeconds" inputMode="numeric" value={after} onChange={(e) => setAfter(e.target.value)} />
          </label>
        )}
        <button type="submit" className="btn btn--small">
          Assign
        </button>
      </form>
      <p className="muted small">
        {roleLabel[role]} prints {roleHelp[role]}.
      </p>
      {problem && <p className="form-error small">{problem}</p>}
    </div>
  );
}

const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** A backup slot whose station has no screen online: this printer is taking its tickets now. */
function BackupMode({ assignment, stations }: { assignment: PrinterAssignment; stations: readonly Station[] }) {
  const station = assignment.role === 'backup' ? stations.find((s) => s.id === assignment.stationId) : undefined;
  if (station?.screensDownSince === undefined) return null;
  return (
    <strong className="printer-role__backup" data-backup-mode={station.id}>
      Backup mode: {station.name} has no screen since {clock(station.screensDownSince)}, its tickets print here
    </strong>
  );
}
