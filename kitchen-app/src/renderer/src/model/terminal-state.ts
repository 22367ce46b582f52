import type { KitchenOrder } from '@kitchensync/shared';
import type { SyncHealth } from '@kitchensync/sync-client';
import type { TerminalState } from '../../../common/update-policy.ts';

/** What the Electron shell's update policy needs to know of this screen. */
export function terminalState(health: Pick<SyncHealth, 'pendingCount' | 'updateRequired'>, rail: readonly KitchenOrder[], lastInputAt: number): TerminalState {
  return {
    pendingChanges: health.pendingCount,
    openTickets: rail.length,
    ticketsInProgress: rail.filter((t) => t.status === 'in_progress').length,
    lastInputAt,
    // Only this app being too old is solved by installing an update.
    updateRequired: health.updateRequired === 'app',
  };
}
