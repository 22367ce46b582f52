import { useMemo, useState } from 'react';
import { config } from '../config.ts';
import { presetRange, toDateInput, type DateRange } from '../model/date-range.ts';
import { formatMoney } from '../model/format.ts';
import { computeStats } from '../model/stats.ts';
import { useNow } from '../sync/use-now.ts';
import { useOrders } from '../sync/use-replica.ts';
import { BarChart } from './bar-chart.tsx';
import { ChannelBreakdown } from './channel-breakdown.tsx';
import { KpiCards } from './kpi-cards.tsx';
import { PrepTimeChart } from './prep-time-chart.tsx';
import { RangePicker, type RangeChoice } from './range-picker.tsx';

const rangeOf = (choice: RangeChoice, now: number): DateRange => ('preset' in choice ? presetRange(choice.preset, now) : choice.custom);

function rangeTitle(range: DateRange): string {
  const last = toDateInput(range.to - 1);
  const first = toDateInput(range.from);
  return first === last ? first : `${first} – ${last}`;
}

/** Statistics computed live from the replica: every order change re-draws them. */
export function StatsScreen() {
  const { map: orders } = useOrders();
  const now = useNow(60_000);
  const [choice, setChoice] = useState<RangeChoice>({ preset: 'today' });
  const range = rangeOf(choice, now);
  const stats = useMemo(() => computeStats(orders.values(), range), [orders, range.from, range.to]);
  const hours = stats.perHour.map((value, h) => ({ label: String(h).padStart(2, '0'), value, title: `${h}:00–${h + 1}:00: ${value} orders` }));
  return (
    <div className="stats-screen">
      <div className="page-head">
        <div>
          <h1>Statistics</h1>
          <p className="muted">{rangeTitle(range)} · live from this device’s replica</p>
        </div>
        <RangePicker value={choice} now={now} onChange={setChoice} />
      </div>
      <KpiCards stats={stats} />
      <div className="two-col">
        <section className="card">
          <h2>Orders per hour</h2>
          <BarChart title="Orders placed per hour of the day" bars={hours} labelEvery={2} />
        </section>
        <section className="card">
          <h2>Confirmed → ready</h2>
          <PrepTimeChart times={stats.prepTimes} p50={stats.p50} p90={stats.p90} />
        </section>
      </div>
      <div className="two-col">
        <section className="card">
          <h2>By channel</h2>
          <ChannelBreakdown rows={stats.byChannel} />
        </section>
        {stats.perDay.length > 1 && (
          <section className="card">
            <h2>Per day</h2>
            <BarChart
              title="Orders per day"
              bars={stats.perDay.map((d) => ({
                label: toDateInput(d.day).slice(5),
                value: d.orders,
                title: `${toDateInput(d.day)}: ${d.orders} orders, ${formatMoney(d.revenueCents, config.currency, config.locale)}`,
              }))}
              labelEvery={Math.ceil(stats.perDay.length / 10)}
            />
          </section>
        )}
      </div>
    </div>
  );
}
