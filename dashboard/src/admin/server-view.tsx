import type { AdminApi, ServerOverview } from '../api/admin-api.ts';
import type { RateName } from '../model/metric-rates.ts';
import { useMetricRates } from './use-metric-rates.ts';
import { usePoll } from './use-poll.ts';

const rateLabels: [RateName, string][] = [
  ['requests', 'requests/s'],
  ['errors', '5xx/s'],
  ['writes', 'writes/s'],
  ['transactions', 'write transactions/s'],
  ['mutations', 'mutations pushed/s'],
  ['pulls', 'pulls/s'],
];

const ago = (at: string | null) => (at ? `${Math.max(0, Math.round((Date.now() - Date.parse(at)) / 1000))} s ago` : 'never');
const roles = (sockets: Record<string, number>) => Object.entries(sockets).map(([role, n]) => `${n} ${role}`).join(', ') || 'none';

function Health({ overview }: { overview: ServerOverview }) {
  const { database } = overview;
  const ok = database.status === 'ok';
  return (
    <section className="card" aria-label="Health" data-health={database.status}>
      <h2>Health</h2>
      <p className={ok ? 'status-ok' : 'form-error'}>{ok ? 'Serving' : `Database unreachable: ${database.reason ?? ''}`}</p>
      <p className="muted small">
        {database.kind} database{ok ? `, answered in ${database.latencyMs} ms` : ''} · up {Math.round(overview.uptimeSeconds / 60)} min · {overview.connections} sockets
      </p>
      {overview.upstream && (
        <p className="small" data-upstream={overview.upstream.upstream}>
          Cloud link {overview.upstream.upstream}: {overview.upstream.pending} changes waiting (oldest {ago(overview.upstream.oldestPendingAt)}), last pull {ago(overview.upstream.lastPullAt)}
        </p>
      )}
    </section>
  );
}

function Rates({ api }: { api: AdminApi }) {
  const { rates, error } = useMetricRates(api, 5000);
  return (
    <section className="card" aria-label="Rates">
      <h2>Rates</h2>
      {error && <p className="form-error">{error}</p>}
      <dl className="figures">
        {rateLabels.map(([name, label]) => (
          <div key={name} data-rate={name}>
            <dt className="muted small">{label}</dt>
            <dd>{rates?.[name] === undefined ? '…' : (rates[name] ?? 0).toFixed(1)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The server at a glance: what an operator opens first (GET /api/admin/overview and /api/metrics). */
export function ServerView({ api, token }: { api: AdminApi; token: string }) {
  const overview = usePoll(api.overview, 5000, token);
  const o = overview.data;
  return (
    <div className="server-view" aria-label="Server">
      {overview.error && <p className="banner banner--danger banner--inline" role="alert">{overview.error}</p>}
      <div className="two-col">
        {o ? <Health overview={o} /> : <section className="card empty-note">Loading…</section>}
        <Rates api={api} />
      </div>
      {o && (
        <div className="two-col">
          <section className="card" aria-label="Connected clients">
            <h2>Connected clients</h2>
            <ul className="plain-list">
              {o.tenants.map((t) => (
                <li key={t.id} data-tenant-sockets={t.id}>
                  <span className="tenant-name">{t.name}</span> <span className="muted small">{roles(t.sockets)}</span>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-label="Hub links">
            <h2>Restaurant hubs</h2>
            {o.hubLinks.length === 0 ? (
              <p className="empty-note">No hub has linked to this server.</p>
            ) : (
              <ul className="plain-list">
                {o.hubLinks.map((h) => (
                  <li key={h.tokenId} data-hub-link={h.tenantId} data-connected={h.connected}>
                    <span className="tenant-name">{h.tenantName}</span>{' '}
                    <span className="small">{h.connected ? `linked since ${ago(h.connectedAt)}` : 'not linked: its changes wait in its outbox'}</span>{' '}
                    <span className="muted small">· last pull {ago(h.lastPullAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
