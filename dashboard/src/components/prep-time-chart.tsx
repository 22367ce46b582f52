import { formatDuration } from '../model/format.ts';
import { histogram } from '../model/stats.ts';
import { BarChart, type Marker } from './bar-chart.tsx';

/** Distribution of confirmed → ready times, with p50 and p90 marked. */
export function PrepTimeChart({ times, p50, p90 }: { times: readonly number[]; p50: number | undefined; p90: number | undefined }) {
  if (times.length === 0) return <p className="empty-note">No order has gone from confirmed to ready in this period.</p>;
  const bins = histogram(times, 8);
  const binWidth = bins[0] ? bins[0].to - bins[0].from : 60_000;
  const at = (v: number) => v / binWidth;
  const markers: Marker[] = [
    ...(p50 === undefined ? [] : [{ at: at(p50), label: `p50 ${formatDuration(p50)}`, tone: 'p50' as const }]),
    ...(p90 === undefined ? [] : [{ at: at(p90), label: `p90 ${formatDuration(p90)}`, tone: 'p90' as const }]),
  ];
  return (
    <BarChart
      title="Orders by time from confirmed to ready"
      bars={bins.map((b) => ({
        label: `${Math.round(b.from / 60_000)}′`,
        value: b.count,
        title: `${Math.round(b.from / 60_000)}–${Math.round(b.to / 60_000)} min: ${b.count}`,
      }))}
      markers={markers}
    />
  );
}
