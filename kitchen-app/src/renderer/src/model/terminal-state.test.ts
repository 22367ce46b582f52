import type { KitchenOrder } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { decideUpdate, terminalStateSchema } from '../../../common/update-policy.ts';
import { terminalState } from './terminal-state.ts';

const ticket = (status: KitchenOrder['status']) => ({ status }) as KitchenOrder;

describe("the screen's report to the update policy", () => {
  it('counts open tickets, the ones being worked, and pending changes', () => {
    const state = terminalState({ pendingCount: 2, updateRequired: false }, [ticket('queued'), ticket('in_progress'), ticket('ready')], 77);
    expect(state).toEqual({ pendingChanges: 2, openTickets: 3, ticketsInProgress: 1, lastInputAt: 77, updateRequired: false });
    expect(terminalStateSchema.parse(state)).toEqual(state);
  });

  it('a cook working a ticket holds back a downloaded update', () => {
    const terminal = terminalState({ pendingCount: 0, updateRequired: false }, [ticket('in_progress')], 0);
    expect(decideUpdate({ downloaded: '0.3.0', terminal, trigger: 'tick', now: 1e9 })).toEqual({ apply: false, reason: 'mid-ticket' });
  });
});
