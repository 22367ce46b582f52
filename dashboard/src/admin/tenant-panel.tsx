import { useCallback } from 'react';
import type { AdminApi, TenantRow } from '../api/admin-api.ts';
import { BroadcastForm } from './broadcast-form.tsx';
import { ConnectionsCard } from './connections-card.tsx';
import { TenantLifecycleCard } from './tenant-lifecycle-card.tsx';
import { TokensCard } from './tokens-card.tsx';
import { usePoll } from './use-poll.ts';

/** One tenant: its tokens, its live connections, a broadcast form; rename, export and delete. */
export function TenantPanel({ api, tenant, onChanged }: { api: AdminApi; tenant: TenantRow; onChanged: () => void }) {
  const load = useCallback(() => api.listTokens(tenant.id), [api, tenant.id]);
  const tokens = usePoll(load, 0, tenant.id);
  const labelOf = (tokenId: string) => tokens.data?.find((t) => t.id === tokenId)?.label;
  return (
    <div className="tenant-panel" data-tenant-id={tenant.id}>
      <div className="page-head">
        <div>
          <h1 className="tenant-name">{tenant.name}</h1>
          <p className="muted small">
            Tenant <code>{tenant.id}</code>
          </p>
        </div>
      </div>
      <TokensCard api={api} tenantId={tenant.id} tokens={tokens} />
      <div className="two-col">
        <ConnectionsCard api={api} tenantId={tenant.id} labelOf={labelOf} />
        <BroadcastForm api={api} tenantId={tenant.id} />
      </div>
      <TenantLifecycleCard key={tenant.name} api={api} tenant={tenant} onChanged={onChanged} />
    </div>
  );
}
