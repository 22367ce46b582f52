import type { BoardColumn } from '../model/board.ts';

export interface BoardTabsProps {
  readonly columns: readonly BoardColumn[];
  readonly active: string;
  readonly onSelect: (id: string) => void;
}

/** On a phone the board is one column at a time: these switch between them (hidden on wider screens). */
export function BoardTabs({ columns, active, onSelect }: BoardTabsProps) {
  return (
    <nav className="board-tabs" aria-label="Order status">
      {columns.map((c) => (
        <button
          key={c.spec.id}
          type="button"
          className="board-tabs__tab"
          data-column={c.spec.id}
          aria-pressed={c.spec.id === active}
          onClick={() => onSelect(c.spec.id)}
        >
          {c.spec.title} <span className="board-tabs__count">{c.orders.length + c.hidden}</span>
        </button>
      ))}
    </nav>
  );
}
