import { niceScale } from '../model/chart-scale.ts';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Tooltip text; defaults to "label: value". */
  readonly title?: string;
}

export interface Marker {
  /** Position along the x axis, in bars (0 = left edge, bars.length = right edge). */
  readonly at: number;
  readonly label: string;
  readonly tone: 'p50' | 'p90';
}

export interface BarChartProps {
  readonly bars: readonly Bar[];
  readonly title: string;
  readonly markers?: readonly Marker[];
  /** Show every nth x label (crowded axes). */
  readonly labelEvery?: number;
  readonly height?: number;
}

const width = 720;
const pad = { top: 16, right: 12, bottom: 28, left: 36 };

/** A plain SVG bar chart with a nice y axis and optional vertical markers. */
export function BarChart({ bars, title, markers = [], labelEvery = 1, height = 220 }: BarChartProps) {
  const scale = niceScale(Math.max(0, ...bars.map((b) => b.value)), 4, 4);
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / Math.max(1, bars.length);
  const y = (v: number) => pad.top + plotH - (v / scale.max) * plotH;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {scale.ticks.map((t) => (
        <g key={t}>
          <line className="chart__grid" x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} />
          <text className="chart__tick" x={pad.left - 6} y={y(t) + 4} textAnchor="end">
            {t}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const h = (b.value / scale.max) * plotH;
        const x = pad.left + i * slot + slot * 0.15;
        return (
          <g key={`${b.label}-${i}`}>
            <rect className="chart__bar" x={x} y={pad.top + plotH - h} width={slot * 0.7} height={Math.max(0, h)} rx={3}>
              <title>{b.title ?? `${b.label}: ${b.value}`}</title>
            </rect>
            {i % labelEvery === 0 && (
              <text className="chart__label" x={x + slot * 0.35} y={height - 10} textAnchor="middle">
                {b.label}
              </text>
            )}
          </g>
        );
      })}
      {markers.map((m) => {
        const x = pad.left + m.at * slot;
        return (
          <g key={m.tone} className={`chart__marker chart__marker--${m.tone}`}>
            <line x1={x} x2={x} y1={pad.top - 4} y2={pad.top + plotH} />
            <text x={x + 4} y={pad.top + (m.tone === 'p50' ? 8 : 22)}>
              {m.label}
            </text>
          </g>
        );
      })}
      <line className="chart__axis" x1={pad.left} x2={width - pad.right} y1={pad.top + plotH} y2={pad.top + plotH} />
    </svg>
  );
}
