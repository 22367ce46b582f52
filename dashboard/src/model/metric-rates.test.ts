import { describe, expect, it } from 'vitest';
import { parseMetrics, ratesBetween } from './metric-rates.ts';

const text = (requests: number, writes: number) =>
  `# TYPE kitchensync_http_requests_total counter\nkitchensync_http_requests_total ${requests}\n# TYPE kitchensync_writes_total counter\nkitchensync_writes_total ${writes}\n`;

describe('rates from /api/metrics', () => {
  it('reads counters and divides their growth by the seconds between samples', () => {
    const rates = ratesBetween(parseMetrics(text(100, 10), 0), parseMetrics(text(150, 30), 5000));
    expect(rates).toEqual({ requests: 10, writes: 4 });
  });

  it('gives no rate for a counter that went down (a restart) or for no time passed', () => {
    expect(ratesBetween(parseMetrics(text(100, 10), 0), parseMetrics(text(5, 12), 5000))).toEqual({ writes: 0.4 });
    expect(ratesBetween(parseMetrics(text(1, 1), 1000), parseMetrics(text(2, 2), 1000))).toEqual({});
  });

  it('ignores comments and lines that are not samples', () => {
    expect([...parseMetrics('# HELP x\nfoo 1\nbar notanumber\n\nbaz{a="b"} 3', 0).values]).toEqual([['foo', 1]]);
  });
});
