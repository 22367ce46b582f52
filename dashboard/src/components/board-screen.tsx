import { channels, type Channel } from '@kitchensync/shared';
import { useMemo, useState, type CSSProperties } from 'react';
import { groupBoard, visibleColumns, type BoardColumn as Column, type BoardSort } from '../model/board.ts';
import { startOfDay } from '../model/date-range.ts';
import { channelLabel } from '../model/labels.ts';
import { Link } from '../routing/link.tsx';
import { useNow } from '../sync/use-now.ts';
import { useOrderCommands } from '../sync/use-order-commands.ts';
import { useOrders } from '../sync/use-replica.ts';
import { BoardColumn } from './board-column.tsx';
import { BoardTabs } from './board-tabs.tsx';
import { InlineError } from './inline-error.tsx';

/** The column a phone shows first: the earliest open one with orders in it. */
const firstBusy = (columns: readonly Column[]) => (columns.find((c) => !c.spec.finished && c.orders.length > 0) ?? columns[0])?.spec.id ?? '';

/** Live order board: every order of the tenant by status, with the actions each allows. */
export function BoardScreen() {
  const { map: orders, loaded } = useOrders();
  const now = useNow(30_000);
  const commands = useOrderCommands();
  const [query, setQuery] = useState('');
  const [channel, setChannel] = useState<Channel | 'all'>('all');
  const [sortBy, setSortBy] = useState<BoardSort>('oldest');
  const [chosen, setChosen] = useState<string>();
  const columns = useMemo(
    () => visibleColumns(groupBoard(orders.values(), { finishedSince: startOfDay(now), sortBy, now }, { query, channel })),
    [orders, now, query, channel, sortBy],
  );
  const active = columns.some((c) => c.spec.id === chosen) ? (chosen as string) : firstBusy(columns);
  const open = columns.filter((c) => !c.spec.finished).reduce((n, c) => n + c.orders.length, 0);

  return (
    <div className="board-screen">
      <div className="page-head">
        <div>
          <h1>Orders</h1>
          <p className="muted">{loaded ? `${open} open · updates live` : 'Loading the replica…'}</p>
        </div>
        <div className="page-head__tools">
          <input
            className="search"
            type="search"
            placeholder="Search number, name, phone"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-label="Search orders"
          />
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel | 'all')} aria-label="Channel">
            <option value="all">All channels</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {channelLabel[c]}
              </option>
            ))}
          </select>
          <select value={sortBy} onChange={(e) => setSortBy(e.target.value as BoardSort)} aria-label="Sort orders">
            <option value="oldest">Oldest first</option>
            <option value="late">Most late first</option>
          </select>
          <Link to={{ name: 'new-order' }} className="btn btn--primary">
            + New order
          </Link>
        </div>
      </div>
      <InlineError message={commands.error} onDismiss={commands.clearError} />
      <BoardTabs columns={columns} active={active} onSelect={setChosen} />
      <div className="board" style={{ '--board-columns': columns.length } as CSSProperties}>
        {columns.map((c) => (
          <BoardColumn key={c.spec.id} column={c} now={now} active={c.spec.id === active} onMove={commands.move} onCancel={commands.cancel} />
        ))}
      </div>
    </div>
  );
}
