import { useMemo, useState } from 'react';
import { adminApi } from '../api/admin-api.ts';
import { BrandMark } from '../components/brand-mark.tsx';
import { VersionNote } from '../components/version-note.tsx';
import { ServerView } from './server-view.tsx';
import { TenantList } from './tenant-list.tsx';
import { TenantPanel } from './tenant-panel.tsx';
import { usePoll } from './use-poll.ts';

/** The administrator's view: tenants, their tokens and live connections, and broadcasts. */
export function AdminScreen({ token, onSignOut }: { token: string; onSignOut: () => void }) {
  const api = useMemo(() => adminApi(token), [token]);
  const tenants = usePoll(api.listTenants, 0, token);
  const stats = usePoll(api.socketStats, 5000, token);
  const [selected, setSelected] = useState<string>();
  const tenant = tenants.data?.find((t) => t.id === selected) ?? tenants.data?.[0];
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">
          <BrandMark />
          <span>kitchensync</span>
          <span className="pill">Administration</span>
        </div>
        <div className="app-header__end">
          <span className="muted small">{stats.data ? `${stats.data.connections} live connections` : ''}</span>
          <button type="button" className="btn btn--ghost btn--small" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main className="page admin">
        <ServerView api={api} token={token} />
        <VersionNote />
        {tenants.error && (
          <div className="banner banner--danger banner--inline" role="alert">
            {tenants.error}
          </div>
        )}
        <div className="admin__layout">
          <TenantList
            tenants={tenants.data ?? []}
            connections={stats.data?.connectionsPerTenant ?? {}}
            selectedId={tenant?.id}
            onSelect={setSelected}
            onCreate={async (name) => {
              const created = await api.createTenant(name);
              tenants.reload();
              setSelected(created.id);
            }}
          />
          {tenant ? <TenantPanel key={tenant.id} api={api} tenant={tenant} onChanged={tenants.reload} /> : <section className="card empty-note">Create a tenant to begin.</section>}
        </div>
      </main>
    </div>
  );
}
