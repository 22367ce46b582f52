import type { ItemStatus, KitchenItem } from '@kitchensync/shared';
import type { ItemActions } from '../model/ticket-actions.ts';

const statusText: Record<ItemStatus, string> = { pending: 'to do', in_progress: 'cooking', done: 'done' };

export interface TicketItemRowProps {
  readonly item: KitchenItem;
  readonly index: number;
  readonly picked: boolean;
  readonly actions: ItemActions;
  readonly onMove: (status: ItemStatus) => void;
}

export function TicketItemRow({ item, index, picked, actions, onMove }: TicketItemRowProps) {
  return (
    <li className={`item item--${item.status} ${picked ? 'item--picked' : ''}`} data-item-id={item.id}>
      <div className="item__line">
        <kbd className="item__key">{index + 1}</kbd>
        <span className="item__qty">{item.quantity}×</span>
        <span className="item__name">{item.name}</span>
        <span className={`item__status item__status--${item.status}`}>{statusText[item.status]}</span>
      </div>
      {item.modifiers.length > 0 && (
        <ul className="item__mods">
          {item.modifiers.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {item.notes && <p className="item__notes">“{item.notes}”</p>}
      {item.allergens.length > 0 && <p className="item__allergens">⚠ {item.allergens.join(', ')}</p>}
      <div className="item__buttons">
        {actions.start && (
          <button type="button" className="btn btn--start" onClick={() => onMove('in_progress')}>
            Start
          </button>
        )}
        {actions.complete && (
          <button type="button" className="btn btn--done" onClick={() => onMove('done')}>
            Done
          </button>
        )}
        {actions.undoTo && (
          <button type="button" className="btn btn--ghost" onClick={() => onMove(actions.undoTo ?? item.status)}>
            Undo
          </button>
        )}
      </div>
    </li>
  );
}
