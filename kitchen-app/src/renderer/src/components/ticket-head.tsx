import { useClock } from '../hooks/use-clock.ts';
import type { Thresholds } from '../model/ticket-facts.ts';
import { agingTone, formatElapsed } from '../model/ticket-timer.ts';

export interface TicketHeadProps {
  readonly number: string;
  /** "T12 · 4 guests", or empty. */
  readonly table: string;
  /** When the ticket was fired; undefined for a held course (it is not aging yet). */
  readonly firedAt: number | undefined;
  readonly thresholds: Thresholds;
  readonly part: { readonly part: number; readonly parts: number };
}

/**
 * The card's header, coloured as a whole by age since firing against the station's thresholds.
 * It ticks once a second on its own, so the rest of the card does not redraw.
 */
export function TicketHead({ number, table, firedAt, thresholds, part }: TicketHeadProps) {
  const now = useClock(1000);
  const tone = firedAt === undefined ? 'held' : agingTone(now, firedAt, thresholds);
  return (
    <header className={`ticket__head ticket__head--${tone}`} data-tone={tone}>
      <span className="ticket__number">{number}</span>
      {table && <span className="ticket__table">{table}</span>}
      {part.parts > 1 && (
        <span className="ticket__part" data-part={`${part.part}/${part.parts}`}>
          {part.part}/{part.parts}
        </span>
      )}
      {firedAt !== undefined && <span className="timer">{formatElapsed(now - firedAt)}</span>}
    </header>
  );
}
