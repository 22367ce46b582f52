import type { Pager } from '../components/paged-columns.tsx';
import { firstOnPage } from '../model/paging.ts';
import type { RailSelection } from './use-rail-selection.ts';

/**
 * A page key: the selection jumps to the first ticket of the next (or previous) page, so the
 * page shown follows. At either end it stays where it is.
 */
export function turnPage<T extends { readonly id: string }>(
  pager: Pager | undefined,
  entries: readonly T[],
  selection: Pick<RailSelection<T>, 'selectItem'>,
  delta: 1 | -1,
): void {
  if (!pager) return;
  const target = firstOnPage(pager.layout, pager.page + delta);
  const entry = target && entries[target.index];
  if (target && entry) selection.selectItem(entry.id, target.item);
}
