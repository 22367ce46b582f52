import type { ClosedBy } from '@kitchensync/shared';
import { voidWording } from '../model/void-cards.ts';

/** Across a cancelled, re-issued or manager-ready ticket: what happened, until a cook acknowledges. */
export function VoidBanner({ closedBy, onAcknowledge }: { closedBy: ClosedBy; onAcknowledge: () => void }) {
  const wording = voidWording[closedBy.kind];
  return (
    <div className={`void void--${closedBy.kind}`} role="alert">
      <span className="void__word">{wording.word}</span>
      <span className="void__headline">{wording.headline}</span>
      {closedBy.reason && <span className="void__reason">“{closedBy.reason}”</span>}
      <button type="button" className="btn btn--void" onClick={onAcknowledge}>
        Got it <kbd>a</kbd>
      </button>
    </div>
  );
}
