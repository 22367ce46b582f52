import type { KitchenOrder } from '@kitchensync/shared';
import type { KeyCommand } from '../model/keymap.ts';
import { moveIndex } from '../model/keymap.ts';
import { bumpAllowed, canBump, lockMessage, targetItem, ticketLock, type ItemActions } from '../model/ticket-actions.ts';
import { isHeld, ticketCourse } from '../model/ticket-facts.ts';
import { ticketNumber } from '../model/ticket-label.ts';
import type { KitchenActions } from './use-kitchen-actions.ts';
import type { RailSelection } from './use-rail-selection.ts';

export interface DrawerState {
  readonly open: boolean;
  readonly index: number;
}

export interface CommandContext {
  readonly selection: RailSelection;
  readonly drawer: DrawerState;
  readonly setDrawer: (d: DrawerState) => void;
  readonly bumped: readonly KitchenOrder[];
  readonly allergyAcked: ReadonlySet<string>;
  readonly acknowledge: (ticket: KitchenOrder) => void;
  /** A cook's hand was on this ticket: its NEW badge can go. */
  readonly touch: (id: string) => void;
  /** Tells the cook why a key did nothing. */
  readonly say: (text: string) => void;
  readonly actions: KitchenActions;
}

function drawerCommand(cmd: KeyCommand, c: CommandContext): void {
  const { drawer, bumped } = c;
  if (cmd.type === 'move') c.setDrawer({ open: true, index: moveIndex(drawer.index, cmd.delta, bumped.length) });
  if (cmd.type === 'close') c.setDrawer({ open: false, index: 0 });
  if (cmd.type === 'confirm' || cmd.type === 'recall') {
    const ticket = bumped[drawer.index];
    if (ticket) c.actions.recall(ticket);
    c.setDrawer({ open: false, index: 0 });
  }
}

/** Why the selected ticket refuses work, in words for the cook; undefined when it does not. */
function refusal(ticket: KitchenOrder, locked: boolean): string | undefined {
  const label = ticketNumber(ticket);
  if (locked) return lockMessage(label);
  if (isHeld(ticket)) return `${label}: course ${ticketCourse(ticket)} is HELD — expo fires it first`;
  return undefined;
}

function workItem(cmd: 'start' | 'done', ticket: KitchenOrder, c: CommandContext): void {
  const lock = ticketLock(ticket, c.allergyAcked.has(ticket.id));
  const applies = (a: ItemActions) => (cmd === 'start' ? a.start : a.complete);
  const item = targetItem(ticket, c.selection.pickedItem, applies, lock);
  if (item) c.actions.setItem(ticket, item.id, cmd === 'start' ? 'in_progress' : 'done');
  else {
    const why = refusal(ticket, lock !== undefined);
    if (why) c.say(why);
  }
}

function railCommand(cmd: KeyCommand, c: CommandContext): void {
  const { selection } = c;
  const ticket = selection.ticket;
  if (ticket && cmd.type !== 'move' && cmd.type !== 'recall') c.touch(ticket.id);
  switch (cmd.type) {
    case 'move':
      return selection.move(cmd.delta);
    case 'pick':
      return selection.pick(ticket && cmd.index < ticket.items.length ? cmd.index : undefined);
    case 'nextItem':
      return selection.pick(ticket && ticket.items.length > 0 ? ((selection.pickedItem ?? -1) + 1) % ticket.items.length : undefined);
    case 'close':
      return selection.pick(undefined);
    case 'recall':
      return c.setDrawer({ open: true, index: 0 });
    case 'acknowledge':
      if (ticket) c.acknowledge(ticket);
      return;
    case 'start':
    case 'done':
      if (ticket) workItem(cmd.type, ticket, c);
      return;
    case 'bump':
      if (ticket) bump(ticket, c);
      return;
    case 'fire':
      return c.say('Courses are fired from the expo screen');
    case 'confirm':
      return;
  }
}

/** Bumps the ticket, or says why not when a cook pressed bump on a ticket that refuses it. */
export function bump(ticket: KitchenOrder, c: Pick<CommandContext, 'allergyAcked' | 'say' | 'actions'>): void {
  const lock = ticketLock(ticket, c.allergyAcked.has(ticket.id));
  if (canBump(ticket, lock)) c.actions.bump(ticket);
  else if (bumpAllowed(ticket) || isHeld(ticket)) c.say(refusal(ticket, lock !== undefined) ?? '');
}

/** What each bump-bar command does, depending on whether the recall drawer is open. */
export function runCommand(cmd: KeyCommand, c: CommandContext): void {
  if (c.drawer.open) drawerCommand(cmd, c);
  else railCommand(cmd, c);
}
