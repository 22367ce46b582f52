import type { ReactNode } from 'react';
import { useClock } from '../hooks/use-clock.ts';
import type { Thresholds } from '../model/ticket-facts.ts';
import { formatElapsed, worstTone } from '../model/ticket-timer.ts';

export interface TicketHeadProps {
  readonly number: string;
  /** "T12 · 4 guests", or empty. */
  readonly table: string;
  /** When the ticket (or the order's oldest ticket) was fired; undefined for a held course (it is not aging yet). */
  readonly firedAt: number | undefined;
  /** Each ticket's clock with its station's thresholds: the header takes the worst tone of them. */
  readonly clocks: readonly { readonly firedAt: number; readonly thresholds: Thresholds }[];
  readonly part: { readonly part: number; readonly parts: number };
  readonly rush: boolean;
  /** The bump (or hand-off) button, at the right of the header. */
  readonly action?: ReactNode;
}

/**
 * The card's header, coloured as a whole by age since firing against the station's thresholds.
 * It ticks once a second on its own, so the rest of the card does not redraw.
 */
export function TicketHead({ number, table, firedAt, clocks, part, rush, action }: TicketHeadProps) {
  const now = useClock(1000);
  const tone = firedAt === undefined ? 'held' : worstTone(now, clocks);
  return (
    <header className={`ticket__head ticket__head--${tone}`} data-tone={tone}>
      <span className="ticket__number">{number}</span>
      {rush && <span className="badge badge--rush">RUSH</span>}
      {table && <span className="ticket__table">{table}</span>}
      {part.parts > 1 && (
        <span className="ticket__part" data-part={`${part.part}/${part.parts}`}>
          {part.part}/{part.parts}
        </span>
      )}
      {firedAt !== undefined && <span className="timer">{formatElapsed(now - firedAt)}</span>}
      {action}
    </header>
  );
}
