import { useState, type FormEvent } from 'react';
import type { TenantRow } from '../api/admin-api.ts';

export interface TenantListProps {
  readonly tenants: readonly TenantRow[];
  readonly connections: Record<string, number>;
  readonly selectedId: string | undefined;
  readonly onSelect: (id: string) => void;
  readonly onCreate: (name: string) => Promise<void>;
}

/** Every tenant with its live connection count, and a form to add one. */
export function TenantList({ tenants, connections, selectedId, onSelect, onCreate }: TenantListProps) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    onCreate(name.trim()).then(
      () => setName(''),
      (err: unknown) => setProblem(err instanceof Error ? err.message : String(err)),
    );
  };
  return (
    <section className="card card--flush tenant-list" aria-label="Tenants">
      <h2 className="card__title-pad">Tenants</h2>
      <ul>
        {tenants.map((t) => (
          <li key={t.id}>
            <button type="button" className={`tenant-list__item${t.id === selectedId ? ' is-selected' : ''}`} onClick={() => onSelect(t.id)} data-tenant-id={t.id}>
              <span className="tenant-list__name tenant-name">{t.name}</span>
              <span className="tenant-list__meta muted small">
                {connections[t.id] ?? 0} connected · since {t.createdAt.slice(0, 10)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <form className="tenant-list__new" onSubmit={submit}>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="New tenant name" aria-label="New tenant name" maxLength={200} />
        <button type="submit" className="btn btn--small btn--primary" disabled={!name.trim()}>
          Add
        </button>
      </form>
      {problem && <p className="form-error card__title-pad">{problem}</p>}
    </section>
  );
}
