import { describe, expect, it } from 'vitest';
import { checkDue, decideUpdate, quietBeforeUpdateMs, unknownTerminal, updateCheckIntervalMs, type TerminalState } from './update-policy.ts';

const now = 1_000_000_000;
const idle: TerminalState = { pendingChanges: 0, openTickets: 0, ticketsInProgress: 0, lastInputAt: now - quietBeforeUpdateMs, updateRequired: false };
const decide = (terminal: Partial<TerminalState>, trigger: 'tick' | 'restart' = 'tick', downloaded: string | null = '0.3.0') =>
  decideUpdate({ downloaded: downloaded ?? undefined, terminal: { ...idle, ...terminal }, trigger, now });

describe('when a kitchen terminal installs an update', () => {
  it('nothing downloaded, nothing to install', () => {
    expect(decide({}, 'tick', null)).toEqual({ apply: false, reason: 'nothing-downloaded' });
    expect(decide({}, 'restart', null)).toEqual({ apply: false, reason: 'nothing-downloaded' });
  });

  it('between services: nothing on the rail and nobody touched the screen for the quiet time', () => {
    expect(decide({})).toEqual({ apply: true, reason: 'between-services' });
  });

  it('never while changes wait for the server, on a tick or a restart', () => {
    expect(decide({ pendingChanges: 1 })).toEqual({ apply: false, reason: 'pending-changes' });
    expect(decide({ pendingChanges: 1 }, 'restart')).toEqual({ apply: false, reason: 'pending-changes' });
  });

  it('never mid-ticket, even on a restart or when the server refuses this build', () => {
    expect(decide({ openTickets: 1, ticketsInProgress: 1 })).toEqual({ apply: false, reason: 'mid-ticket' });
    expect(decide({ openTickets: 1, ticketsInProgress: 1 }, 'restart')).toEqual({ apply: false, reason: 'mid-ticket' });
    expect(decide({ openTickets: 1, ticketsInProgress: 1, updateRequired: true })).toEqual({ apply: false, reason: 'mid-ticket' });
  });

  it('not during service: open tickets, or a touch within the quiet time, wait for a restart', () => {
    expect(decide({ openTickets: 2 })).toEqual({ apply: false, reason: 'service-running' });
    expect(decide({ lastInputAt: now - quietBeforeUpdateMs + 1 })).toEqual({ apply: false, reason: 'service-running' });
    expect(decide({ openTickets: 2 }, 'restart')).toEqual({ apply: true, reason: 'restart' });
  });

  it('a build the server refuses installs as soon as no ticket is being worked, pending changes and all (recovery sends them)', () => {
    expect(decide({ updateRequired: true, pendingChanges: 5, openTickets: 3 })).toEqual({ apply: true, reason: 'update-required' });
  });

  it('a screen that has not reported yet counts as busy', () => {
    expect(decideUpdate({ downloaded: '0.3.0', terminal: unknownTerminal, trigger: 'tick', now }).apply).toBe(false);
    expect(decideUpdate({ downloaded: '0.3.0', terminal: unknownTerminal, trigger: 'restart', now }).apply).toBe(false);
  });
});

describe('the update check', () => {
  it('asks the feed at start, then once per interval', () => {
    expect(checkDue(now, undefined)).toBe(true);
    expect(checkDue(now, now - updateCheckIntervalMs + 1)).toBe(false);
    expect(checkDue(now, now - updateCheckIntervalMs)).toBe(true);
  });
});
