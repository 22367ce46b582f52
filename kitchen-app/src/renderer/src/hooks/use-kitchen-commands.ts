import { isDomainError, itemMachine, type ItemStatus, type KitchenOrder } from '@kitchensync/shared';
import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Pager } from '../components/paged-columns.tsx';
import type { ExpoOrder } from '../model/expo.ts';
import { keymap, moveIndex, type KeyCommand, type KeyLike } from '../model/keymap.ts';
import { bumpAllowed, canBump, lockMessage, targetItem, ticketLock, type ItemActions } from '../model/ticket-actions.ts';
import { isHeld, ticketCourse } from '../model/ticket-facts.ts';
import { ticketNumber } from '../model/ticket-label.ts';
import { markBump } from '../perf/bump-marks.ts';
import { turnPage } from './turn-page.ts';
import { runExpoCommand } from './use-expo-commands.ts';
import type { RailSelection } from './use-rail-selection.ts';

/*
 * The cook's commands, from the key (or the tap) to the mutation, in one place: a key's meaning is
 * a row of the keymap (data), the screen's state says which command it is, the ticket's lock and
 * the order machine's table say whether, and the command is a Replicache mutation.
 */

export interface KitchenActions {
  setItem(ticket: KitchenOrder, itemId: string, status: ItemStatus): void;
  bump(ticket: KitchenOrder): void;
  recall(ticket: KitchenOrder): void;
  fireCourse(orderId: string, course: number): void;
  handOff(orderId: string): void;
  setSoldOut(productId: string, soldOut: boolean): void;
  setRush(orderId: string, rush: boolean): void;
}

/** How long a notice ("nothing done: …") stays in the header. */
const noticeMs = 6000;

/**
 * The cook's moves as mutations. They apply locally at once (offline too) and sync later; a
 * move the local replica already refuses shows as a short-lived notice instead, as does
 * anything the screen wants to tell the cook (`say`).
 */
export function useKitchenActions(rep: KitchenReplicache): { actions: KitchenActions; notice: string | undefined; say: (text: string) => void } {
  const [notice, setNotice] = useState<{ text: string; at: number }>();
  const say = useCallback((text: string) => setNotice({ text, at: Date.now() }), []);
  useEffect(() => {
    if (!notice) return undefined;
    const timer = setTimeout(() => setNotice((n) => (n === notice ? undefined : n)), noticeMs);
    return () => clearTimeout(timer);
  }, [notice]);
  const actions = useMemo<KitchenActions>(() => {
    const run = (what: string, p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (err: unknown) => say(`${what}: ${isDomainError(err) ? err.message : String(err)}`),
      );
    const at = () => Date.now();
    return {
      setItem: (ticket, itemId, status) => {
        // The screen offers a move from the item's status as shown; the mutation carries that event.
        const from = ticket.items.find((i) => i.id === itemId)?.status ?? 'pending';
        const event = itemMachine.eventFor(from, status, {});
        if (event) void run('Item', rep.mutate.moveKitchenItem({ kitchenOrderId: ticket.id, itemId, event, at: at() }));
      },
      bump: (ticket) => {
        markBump('key');
        void run('Bump', rep.mutate.bumpKitchenOrder({ kitchenOrderId: ticket.id, at: at() }));
      },
      recall: (ticket) => void run('Recall', rep.mutate.recallKitchenOrder({ kitchenOrderId: ticket.id, at: at() })),
      fireCourse: (orderId, course) => void run('Fire', rep.mutate.fireCourse({ orderId, course, at: at() })),
      handOff: (orderId) => {
        markBump('key');
        void run('Hand-off', rep.mutate.handOffOrder({ orderId, at: at() }));
      },
      setSoldOut: (productId, soldOut) => void run('86', rep.mutate.setProductSoldOut({ productId, soldOut, at: at() })),
      setRush: (orderId, rush) => void run('Rush', rep.mutate.setOrderRush({ orderId, rush, at: at() })),
    };
  }, [rep, say]);
  return { actions, notice: notice?.text, say };
}

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

/** The drawer over the rail: recently bumped tickets, or the 86 list. */
export type ScreenDrawer = DrawerState & { readonly which?: 'bumped' | '86' };

/** What the screen shows, which decides what a key means on it. */
interface ScreenKeys extends CommandContext {
  readonly drawer: ScreenDrawer;
  /** Expo's board (every order) instead of a station's rail. */
  readonly expo: boolean;
  readonly rail: readonly KitchenOrder[];
  readonly railPager: RefObject<Pager | undefined>;
  readonly expoList: readonly ExpoOrder[];
  readonly expoSelection: RailSelection<ExpoOrder>;
  readonly expoPager: RefObject<Pager | undefined>;
  /** Void cards beside expo's board, newest first. */
  readonly voids: readonly KitchenOrder[];
}

function screenCommand(cmd: KeyCommand, s: ScreenKeys): void {
  if (cmd.type === 'page') {
    if (s.drawer.open) return;
    if (s.expo) turnPage(s.expoPager.current, s.expoList, s.expoSelection, cmd.delta);
    else turnPage(s.railPager.current, s.rail, s.selection, cmd.delta);
    return;
  }
  if (s.drawer.open && s.drawer.which === '86') {
    if (cmd.type === 'close') s.setDrawer({ open: false, index: 0 });
    return;
  }
  if (!s.expo || s.drawer.open || cmd.type === 'recall') return runCommand(cmd, s);
  // Expo's keys work the board; `a` acknowledges the newest void beside it.
  if (cmd.type === 'acknowledge' && s.voids[0]) s.acknowledge(s.voids[0]);
  else runExpoCommand(cmd, { selection: s.expoSelection, say: s.say, actions: s.actions });
}

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/** The keymap's command for a key press; keys with modifiers are left to the browser. */
export const commandOf = (e: KeyLike): KeyCommand | undefined => (e.ctrlKey || e.metaKey || e.altKey ? undefined : keymap.get(e.key));

/** Bump-bar keys, wherever focus is (except while typing in a field), on the screen as it is now. */
export function useKitchenKeys(screen: ScreenKeys): void {
  const latest = useRef(screen);
  latest.current = screen;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const cmd = commandOf(e);
      if (!cmd) return;
      e.preventDefault();
      screenCommand(cmd, latest.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
