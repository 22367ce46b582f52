export interface ScreenHeaderProps {
  readonly stationLabel: string;
  readonly openCount: number;
  readonly bumpedCount: number;
  readonly error: string | undefined;
  readonly onRecallDrawer: () => void;
  readonly onSettings: () => void;
}

export function ScreenHeader(p: ScreenHeaderProps) {
  return (
    <header className="screen__head">
      <h1 className="screen__station">{p.stationLabel}</h1>
      <span className="screen__count" data-open-count={p.openCount}>
        {p.openCount} open
      </span>
      {p.error && (
        <span className="screen__error" role="alert">
          {p.error}
        </span>
      )}
      <span className="screen__spacer" />
      <button type="button" className="btn btn--recall" onClick={p.onRecallDrawer}>
        Recently bumped ({p.bumpedCount}) <kbd>r</kbd>
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
