import { modifierLines, type ItemStatus, type KitchenItem } from '@kitchensync/shared';
import { nextItemStep, type ItemActions } from '../model/ticket-actions.ts';
import { formatElapsed } from '../model/ticket-timer.ts';

const statusText: Record<ItemStatus, string> = { pending: 'to do', in_progress: 'cooking', done: 'done' };
const statusMark: Record<ItemStatus, string> = { pending: '', in_progress: '▶', done: '✓' };

export interface TicketItemRowProps {
  readonly item: KitchenItem;
  readonly index: number;
  readonly picked: boolean;
  /** The cook's selection is on this line: it shows the button for its next step. */
  readonly controls: boolean;
  readonly actions: ItemActions;
  /** "Fire by prep time": when this item should go on, if later than the ticket. */
  readonly startsAt: number | undefined;
  readonly firedAt: number;
  readonly onPick: (index: number) => void;
  readonly onMove: (status: ItemStatus) => void;
}

/**
 * One line of a ticket, compact: everything on it always visible, and the button for its next
 * step only where the cook's selection is (a tap on a line picks it; keys s/d work it).
 */
export function TicketItemRow({ item, index, picked, controls, actions, startsAt, firedAt, onPick, onMove }: TicketItemRowProps) {
  const step = controls ? nextItemStep(actions) : undefined;
  const waits = startsAt !== undefined && item.status === 'pending';
  return (
    <li
      className={`item item--${item.status} ${picked ? 'item--picked' : ''}`}
      data-item-id={item.id}
      data-index={index}
      onClick={(e) => {
        e.stopPropagation();
        onPick(index);
      }}
    >
      <div className="item__line">
        <span className="item__key">{index + 1}</span>
        <span className="item__name">
          <span className="item__qty">{item.quantity}×</span> {item.name}
        </span>
        <span className={`item__status item__status--${item.status}`}>
          <span aria-hidden="true">{statusMark[item.status]}</span>
          <span className="sr-only">{statusText[item.status]}</span>
        </span>
        {step && (
          <button
            type="button"
            className={`btn btn--item btn--${step.label.toLowerCase()}`}
            onClick={(e) => {
              e.stopPropagation();
              onMove(step.to);
            }}
          >
            {step.label}
          </button>
        )}
      </div>
      {item.guestAllergy && <p className="item__guest-allergy">⚠ GUEST ALLERGY: {item.guestAllergy}</p>}
      {modifierLines(item).length > 0 && (
        <ul className="item__mods">
          {modifierLines(item).map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {item.notes && <p className="item__notes">“{item.notes}”</p>}
      {(waits || item.allergens.length > 0) && (
        <p className="item__info">
          {waits && (
            <span className="item__start-at" data-starts-at={startsAt} title="Fire by prep time: start this long after the ticket fired, so the ticket finishes together">
              start at +{formatElapsed(startsAt - firedAt)}
            </span>
          )}
          {item.allergens.length > 0 && <span className="item__allergens">contains {item.allergens.join(', ')}</span>}
        </p>
      )}
    </li>
  );
}
