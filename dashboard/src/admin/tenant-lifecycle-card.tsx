import { useState, type FormEvent } from 'react';
import type { AdminApi, TenantRow } from '../api/admin-api.ts';
import { DeleteTenantDialog } from './delete-tenant-dialog.tsx';

export interface TenantLifecycleProps {
  readonly api: AdminApi;
  readonly tenant: TenantRow;
  readonly onChanged: () => void;
}

/** Saves the archive the server sends as a file the operator keeps. */
function download(name: string, archive: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(archive)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

/** Rename, export and delete: the tenant's lifecycle (server/src/admin/tenant-lifecycle.ts). */
export function TenantLifecycleCard({ api, tenant, onChanged }: TenantLifecycleProps) {
  const [name, setName] = useState(tenant.name);
  const [status, setStatus] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const fail = (err: unknown) => setStatus(err instanceof Error ? err.message : String(err));
  const rename = (e: FormEvent) => {
    e.preventDefault();
    api.renameTenant(tenant.id, name.trim()).then(() => {
      setStatus('Renamed.');
      onChanged();
    }, fail);
  };
  const exportIt = () =>
    api.exportTenant(tenant.id).then((archive) => {
      download(`kitchensync-${tenant.id}-${archive.exportedAt.slice(0, 10)}.json`, archive);
      setStatus('Export downloaded.');
    }, fail);
  return (
    <section className="card" aria-label="Tenant lifecycle">
      <h2>Tenant</h2>
      <form className="inline-form" onSubmit={rename}>
        <label className="field field--grow">
          <span className="field__label">Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <button type="submit" className="btn" disabled={!name.trim() || name.trim() === tenant.name}>
          Rename
        </button>
      </form>
      <div className="inline-form">
        <button type="button" className="btn" onClick={() => void exportIt()}>
          Export all data
        </button>
        <button type="button" className="btn btn--danger" onClick={() => setConfirming(true)}>
          Delete tenant…
        </button>
        {status && (
          <span className="muted small" role="status">
            {status}
          </span>
        )}
      </div>
      {confirming && (
        <DeleteTenantDialog
          tenant={tenant}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            await api.deleteTenant(tenant.id);
            setConfirming(false);
            onChanged();
          }}
        />
      )}
    </section>
  );
}
