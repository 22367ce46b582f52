import { useEffect, useRef, useState } from 'react';
import type { AdminApi } from '../api/admin-api.ts';
import { parseMetrics, ratesBetween, type MetricsSample, type RateName } from '../model/metric-rates.ts';

/** Request and write rates of the server, from two samples of `/api/metrics` `everyMs` apart. */
export function useMetricRates(api: AdminApi, everyMs: number): { rates: Partial<Record<RateName, number>> | undefined; error: string | undefined } {
  const [rates, setRates] = useState<Partial<Record<RateName, number>>>();
  const [error, setError] = useState<string>();
  const last = useRef<MetricsSample | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const sample = () =>
      api.metrics().then(
        (text) => {
          if (!live) return;
          const now = parseMetrics(text, Date.now());
          if (last.current) setRates(ratesBetween(last.current, now));
          last.current = now;
          setError(undefined);
        },
        (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
      );
    void sample();
    const id = setInterval(() => void sample(), everyMs);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [api, everyMs]);
  return { rates, error };
}
