import { useCallback } from 'react';
import type { AdminApi } from '../api/admin-api.ts';
import { usePoll } from './use-poll.ts';

/** Who is connected to this tenant right now (refreshed every few seconds). */
export function ConnectionsCard({ api, tenantId, labelOf }: { api: AdminApi; tenantId: string; labelOf: (tokenId: string) => string | undefined }) {
  const load = useCallback(() => api.connections(tenantId), [api, tenantId]);
  const connections = usePoll(load, 5000, tenantId);
  const list = connections.data ?? [];
  return (
    <section className="card" data-connections={list.length}>
      <div className="card__head">
        <h2>Live connections</h2>
        <span className="pill">{list.length}</span>
      </div>
      {connections.error && <p className="form-error">{connections.error}</p>}
      {list.length === 0 ? (
        <p className="empty-note">No device is connected.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>#</th>
              <th>Role</th>
              <th>Device</th>
              <th>Since</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id}>
                <td>{c.id}</td>
                <td>
                  <span className={`pill pill--${c.role}`}>{c.role}</span>
                </td>
                <td className="small">
                  {labelOf(c.tokenId) ?? <code>{c.tokenId}</code>}
                </td>
                <td className="small">{c.connectedAt.slice(11, 19)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
