import type { UpsertPrinterArgs } from '@kitchensync/shared';
import { useState, type FormEvent } from 'react';
import { codePages, parsePrinterForm, type PrinterForm } from '../../model/printer-form.ts';

/** Name, connection, paper and code page of a printer: adding one, or editing it. */
export function PrinterEditor({ initial, title, onSave, onCancel }: { initial: PrinterForm; title: string; onSave: (args: UpsertPrinterArgs) => void; onCancel?: () => void }) {
  const [form, setForm] = useState(initial);
  const [problem, setProblem] = useState<string>();
  const set = (patch: Partial<PrinterForm>) => setForm({ ...form, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parsePrinterForm(form);
    if (!parsed.ok) return setProblem(parsed.problem);
    setProblem(undefined);
    onSave(parsed.args);
  };
  const pages = codePages.some((c) => c.id === form.codePage) ? codePages : [...codePages, { id: form.codePage, label: form.codePage }];
  return (
    <form className="printer-editor" onSubmit={submit} aria-label={title}>
      <div className="field-row">
        <label className="field printer-editor__wide">
          <span className="field__label">Name</span>
          <input name="name" value={form.name} onChange={(e) => set({ name: e.target.value })} placeholder="Bar" />
        </label>
        <label className="field printer-editor__wide">
          <span className="field__label">Host (IP address)</span>
          <input name="host" value={form.host} onChange={(e) => set({ host: e.target.value })} placeholder="192.168.1.50" autoCapitalize="off" />
        </label>
        <label className="field">
          <span className="field__label">Port</span>
          <input name="port" inputMode="numeric" value={form.port} onChange={(e) => set({ port: e.target.value })} />
        </label>
      </div>
      <div className="field-row">
        <div className="field">
          <span className="field__label" id={`paper-${form.id}`}>
            Paper
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby={`paper-${form.id}`}>
            {(['80', '58'] as const).map((mm) => (
              <button key={mm} type="button" role="radio" aria-checked={form.paperMm === mm} className="segmented__option" data-paper={mm} onClick={() => set({ paperMm: mm })}>
                {mm} mm
              </button>
            ))}
          </div>
        </div>
        <label className="field printer-editor__wide">
          <span className="field__label">Code page</span>
          <select name="codePage" value={form.codePage} onChange={(e) => set({ codePage: e.target.value })}>
            {pages.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem && <p className="form-error">{problem}</p>}
      <div className="printer-editor__actions">
        <button type="submit" className="btn btn--primary btn--small">
          Save printer
        </button>
        {onCancel && (
          <button type="button" className="btn btn--ghost btn--small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
