import { config } from '../config.ts';
import { formatDuration, formatMoney } from '../model/format.ts';
import type { OrderStats } from '../model/stats.ts';

/** The headline numbers of the period. */
export function KpiCards({ stats }: { stats: OrderStats }) {
  const money = (cents: number) => formatMoney(cents, config.currency, config.locale);
  const kpis = [
    { id: 'orders', label: 'Orders', value: String(stats.orders), sub: stats.cancelled > 0 ? `${stats.cancelled} cancelled` : 'none cancelled' },
    { id: 'revenue', label: 'Revenue', value: money(stats.revenueCents), sub: 'confirmed, not cancelled' },
    { id: 'average', label: 'Average order', value: money(stats.averageCents), sub: 'per confirmed order' },
    {
      id: 'p50',
      label: 'Confirmed → ready',
      value: stats.p50 === undefined ? '—' : formatDuration(stats.p50),
      sub: stats.p90 === undefined ? 'no orders ready yet' : `p50 (p90: ${formatDuration(stats.p90)})`,
    },
  ];
  return (
    <div className="kpis">
      {kpis.map((k) => (
        <div key={k.id} className="kpi" data-kpi={k.id}>
          <div className="kpi__label">{k.label}</div>
          <div className="kpi__value">{k.value}</div>
          <div className="kpi__sub muted small">{k.sub}</div>
        </div>
      ))}
    </div>
  );
}
