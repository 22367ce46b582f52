import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TenantRow } from '../api/admin-api.ts';

export interface DeleteTenantDialogProps {
  readonly tenant: TenantRow;
  readonly onConfirm: () => Promise<void>;
  readonly onCancel: () => void;
}

/**
 * Deleting a tenant cannot be undone, so the dialog names it and asks for its name typed in full:
 * a click on the wrong row of a long list cannot remove a restaurant.
 */
export function DeleteTenantDialog({ tenant, onConfirm, onCancel }: DeleteTenantDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    return () => d?.close();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed !== tenant.name) return;
    setBusy(true);
    onConfirm().catch((err: unknown) => {
      setBusy(false);
      setProblem(err instanceof Error ? err.message : String(err));
    });
  };
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="delete-tenant-title" onCancel={onCancel}>
      <form onSubmit={submit}>
        <h2 id="delete-tenant-title">
          Delete <span className="tenant-name">{tenant.name}</span>?
        </h2>
        <p>
          Every order, the audit history, the menu, stations and settings of <strong className="tenant-name">{tenant.name}</strong> are removed for good, its
          tokens stop working at once (its restaurant hub's too) and its screens are disconnected. Export it first if you need its data.
        </p>
        <label className="field">
          <span className="field__label">Type the tenant's name to confirm</span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        {problem && <p className="form-error">{problem}</p>}
        <div className="inline-form">
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            Keep it
          </button>
          <button type="submit" className="btn btn--danger" disabled={typed !== tenant.name || busy}>
            Delete this tenant
          </button>
        </div>
      </form>
    </dialog>
  );
}
