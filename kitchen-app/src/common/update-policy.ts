import { z } from 'zod';

/**
 * When a kitchen terminal may install a downloaded update (README "Versions"). Pure: main feeds it
 * what the renderer reports and what the updater has downloaded. An update restarts the window, so
 * it never lands while changes wait for the server or a cook is working a ticket; it lands between
 * services (nothing open on the screen and nobody has touched it for a while) or when the app
 * restarts anyway.
 */

/** What the renderer reports of the screen, a few times a minute and on every change. */
export const terminalStateSchema = z.object({
  /** Changes made here the server has not accepted yet. */
  pendingChanges: z.number().int().min(0),
  /** Open tickets on this screen's stations (queued, in progress, ready). */
  openTickets: z.number().int().min(0),
  /** Tickets with work started and not bumped: a cook is mid-ticket. */
  ticketsInProgress: z.number().int().min(0),
  /** Epoch ms of the last key or tap on this screen. */
  lastInputAt: z.number().int().min(0),
  /** The server no longer serves this build (its minimum client schema is above ours). */
  updateRequired: z.boolean(),
});
export type TerminalState = z.infer<typeof terminalStateSchema>;

/** What a terminal assumes before its renderer has said anything: busy, so nothing is applied. */
export const unknownTerminal: TerminalState = { pendingChanges: 0, openTickets: 1, ticketsInProgress: 1, lastInputAt: 0, updateRequired: false };

export type UpdateTrigger = 'tick' | 'restart';
export type UpdateDecision =
  | { apply: true; reason: 'between-services' | 'restart' | 'update-required' }
  | { apply: false; reason: 'nothing-downloaded' | 'pending-changes' | 'mid-ticket' | 'service-running' };

/** Quiet this long with nothing on the rail counts as between services. */
export const quietBeforeUpdateMs = 10 * 60_000;
/** How often the terminal asks the update feed. */
export const updateCheckIntervalMs = 30 * 60_000;

export interface UpdateInputs {
  readonly downloaded: string | undefined;
  readonly terminal: TerminalState;
  readonly trigger: UpdateTrigger;
  readonly now: number;
}

/**
 * Never with a cook mid-ticket. Never with pending changes either, unless the server already
 * refuses this build: then they cannot drain here, and the updated app's mutation recovery sends
 * them (README "Versions"), so waiting would only keep the screen stuck.
 */
export function decideUpdate({ downloaded, terminal, trigger, now }: UpdateInputs): UpdateDecision {
  if (downloaded === undefined) return { apply: false, reason: 'nothing-downloaded' };
  if (terminal.ticketsInProgress > 0) return { apply: false, reason: 'mid-ticket' };
  if (terminal.updateRequired) return { apply: true, reason: 'update-required' };
  if (terminal.pendingChanges > 0) return { apply: false, reason: 'pending-changes' };
  if (trigger === 'restart') return { apply: true, reason: 'restart' };
  const quiet = terminal.openTickets === 0 && now - terminal.lastInputAt >= quietBeforeUpdateMs;
  return quiet ? { apply: true, reason: 'between-services' } : { apply: false, reason: 'service-running' };
}

/** Whether the feed is due another check; a failed check counts, so a dead feed is not hammered. */
export const checkDue = (now: number, lastCheckAt: number | undefined): boolean =>
  lastCheckAt === undefined || now - lastCheckAt >= updateCheckIntervalMs;
