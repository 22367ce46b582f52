import type { KitchenOrder } from '@kitchensync/shared';
import { useCallback, useRef, useState } from 'react';
import { moveIndex } from '../model/keymap.ts';

export interface RailSelection<T extends { readonly id: string } = KitchenOrder> {
  readonly index: number;
  readonly ticket: T | undefined;
  readonly pickedItem: number | undefined;
  select(id: string): void;
  /** Selects a ticket with one of its items picked (a tap on a line, a page turn into a continued ticket). */
  selectItem(id: string, item: number | undefined): void;
  move(delta: number): void;
  pick(index: number | undefined): void;
}

/**
 * The selected ticket follows its id while the rail re-sorts; when it leaves the rail (bumped),
 * the selection stays at the same position, i.e. moves on to the next ticket.
 */
export function useRailSelection<T extends { readonly id: string }>(rail: readonly T[]): RailSelection<T> {
  const [selectedId, setSelectedId] = useState<string>();
  const [pickedItem, setPickedItem] = useState<number>();
  const lastIndex = useRef(0);
  const found = selectedId === undefined ? -1 : rail.findIndex((t) => t.id === selectedId);
  const index = found >= 0 ? found : moveIndex(lastIndex.current, 0, rail.length);
  lastIndex.current = index;
  const ticket = rail[index];

  const select = useCallback((id: string) => {
    setSelectedId(id);
    setPickedItem(undefined);
  }, []);
  const selectItem = useCallback((id: string, item: number | undefined) => {
    setSelectedId(id);
    setPickedItem(item);
  }, []);
  const railRef = useRef(rail);
  railRef.current = rail;
  const move = useCallback((delta: number) => {
    const next = railRef.current[moveIndex(lastIndex.current, delta, railRef.current.length)];
    if (next) select(next.id);
  }, [select]);
  const ticketRef = useRef(ticket);
  ticketRef.current = ticket;
  const pick = useCallback((item: number | undefined) => {
    if (ticketRef.current) setSelectedId(ticketRef.current.id);
    setPickedItem(item);
  }, []);
  return { index, ticket, pickedItem: ticket && ticket.id === selectedId ? pickedItem : undefined, select, selectItem, move, pick };
}
