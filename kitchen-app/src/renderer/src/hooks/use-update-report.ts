import type { KitchenOrder } from '@kitchensync/shared';
import type { SyncClient } from '@kitchensync/sync-client';
import { useEffect, useRef } from 'react';
import { terminalState } from '../model/terminal-state.ts';

const reportEveryMs = 15_000;

/**
 * Tells the Electron shell what its update policy needs (pending changes, open and started tickets,
 * last key or tap). A browser terminal has no shell: it runs the new build when the page reloads.
 */
export function useUpdateReport(client: Pick<SyncClient, 'health'>, rail: readonly KitchenOrder[]): void {
  const lastInputAt = useRef(Date.now());
  const latestRail = useRef(rail);
  latestRail.current = rail;
  useEffect(() => {
    const api = window.api;
    if (!api) return;
    const touch = () => (lastInputAt.current = Date.now());
    const report = () => void api.reportTerminalState(terminalState(client.health.get(), latestRail.current, lastInputAt.current)).catch(() => undefined);
    window.addEventListener('keydown', touch);
    window.addEventListener('pointerdown', touch);
    report();
    const timer = setInterval(report, reportEveryMs);
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', touch);
      window.removeEventListener('pointerdown', touch);
    };
  }, [client]);
}
