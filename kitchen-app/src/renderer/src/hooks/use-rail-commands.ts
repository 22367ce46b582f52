import type { KitchenOrder } from '@kitchensync/shared';
import type { KeyCommand } from '../model/keymap.ts';
import { moveIndex } from '../model/keymap.ts';
import { canBump, targetItem, ticketLock } from '../model/ticket-actions.ts';
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
  readonly acked: ReadonlySet<string>;
  readonly acknowledge: (id: string) => void;
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

function railCommand(cmd: KeyCommand, c: CommandContext): void {
  const { selection, actions } = c;
  const ticket = selection.ticket;
  const lock = ticket && ticketLock(ticket, c.acked.has(ticket.id));
  switch (cmd.type) {
    case 'move':
      return selection.move(cmd.delta);
    case 'pick':
      return selection.pick(ticket && cmd.index < ticket.items.length ? cmd.index : undefined);
    case 'close':
      return selection.pick(undefined);
    case 'recall':
      return c.setDrawer({ open: true, index: 0 });
    case 'acknowledge':
      if (ticket) c.acknowledge(ticket.id);
      return;
    case 'start':
    case 'done': {
      if (!ticket) return;
      const start = cmd.type === 'start';
      const item = targetItem(ticket, selection.pickedItem, (a) => (start ? a.start : a.complete), lock);
      if (item) actions.setItem(ticket, item.id, start ? 'in_progress' : 'done');
      return;
    }
    case 'bump':
      if (ticket && canBump(ticket, lock)) actions.bump(ticket);
      return;
    case 'confirm':
      return;
  }
}

/** What each bump-bar command does, depending on whether the recall drawer is open. */
export function runCommand(cmd: KeyCommand, c: CommandContext): void {
  if (c.drawer.open) drawerCommand(cmd, c);
  else railCommand(cmd, c);
}
