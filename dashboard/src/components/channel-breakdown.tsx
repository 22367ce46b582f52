import { config } from '../config.ts';
import { formatMoney } from '../model/format.ts';
import { channelLabel } from '../model/labels.ts';
import type { ChannelStats } from '../model/stats.ts';

/** Orders and revenue per channel, with bars relative to the busiest channel. */
export function ChannelBreakdown({ rows }: { rows: readonly ChannelStats[] }) {
  const max = Math.max(1, ...rows.map((r) => r.orders));
  const total = rows.reduce((n, r) => n + r.orders, 0);
  return (
    <table className="table channel-table">
      <thead>
        <tr>
          <th>Channel</th>
          <th className="channel-table__bar-col" aria-label="Share" />
          <th className="num">Orders</th>
          <th className="num">Revenue</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.channel} data-channel={r.channel}>
            <td>{channelLabel[r.channel]}</td>
            <td className="channel-table__bar-col">
              <span className={`hbar hbar--${r.channel}`} style={{ width: `${(100 * r.orders) / max}%` }} />
            </td>
            <td className="num">
              {r.orders}
              <span className="muted small"> {total > 0 ? `${Math.round((100 * r.orders) / total)}%` : ''}</span>
            </td>
            <td className="num">{formatMoney(r.revenueCents, config.currency, config.locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
