import { useClock } from '../hooks/use-clock.ts';
import { formatElapsed, timerTone } from '../model/ticket-timer.ts';

/** Time since the ticket arrived, coloured against the contract's ETA. */
export function TicketTimer({ createdAt, etaAt }: { createdAt: number; etaAt: number }) {
  const now = useClock(1000);
  const tone = timerTone(now, createdAt, etaAt);
  return (
    <span className={`timer timer--${tone}`} title={`ETA ${new Date(etaAt).toLocaleTimeString()}`} data-tone={tone}>
      {formatElapsed(now - createdAt)}
    </span>
  );
}
