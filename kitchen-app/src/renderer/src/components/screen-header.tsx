import type { ScreenCounts } from '../model/counts.ts';

export interface ScreenHeaderProps {
  readonly stationLabel: string;
  /** The same count, in the same words, as the rail's footer. */
  readonly counts: ScreenCounts;
  readonly bumpedCount: number;
  /** Something the cook must be told: why a key did nothing, a move the replica refused. */
  readonly notice: string | undefined;
  readonly onRecallDrawer: () => void;
  readonly onSoldOut: () => void;
  readonly onSettings: () => void;
}

export function ScreenHeader(p: ScreenHeaderProps) {
  return (
    <header className="screen__head">
      <h1 className="screen__station">{p.stationLabel}</h1>
      <span className="screen__count" data-open-count={p.counts.main}>
        {p.counts.words}
        {p.counts.held > 0 && ` · ${p.counts.held} held`}
      </span>
      <span className="screen__notice" role="alert">
        {p.notice}
      </span>
      <button type="button" className="btn btn--recall" onClick={p.onRecallDrawer}>
        Recently bumped ({p.bumpedCount}) <kbd>r</kbd>
      </button>
      <button type="button" className="btn btn--warn" onClick={p.onSoldOut}>
        86 items
      </button>
      {window.api && (
        <button type="button" className="btn btn--ghost" onClick={() => void window.api?.toggleKiosk()}>
          Kiosk
        </button>
      )}
      <button type="button" className="btn btn--ghost" onClick={p.onSettings}>
        Stations
      </button>
    </header>
  );
}
