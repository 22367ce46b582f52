import { keyPrefix, type Station } from '@kitchensync/shared';
import { useState } from 'react';
import type { StationChoice } from '../../../common/settings.ts';
import { useEntityMap, useSyncClient, useSyncHealth } from '@kitchensync/sync-client/react';

export interface StationPickerProps {
  readonly initial: StationChoice | undefined;
  readonly chime: boolean;
  readonly onChoose: (choice: StationChoice, chime: boolean) => void;
  readonly onChangeServer: () => void;
}

/** Choose one station, several, or expo (every station). */
export function StationPicker(p: StationPickerProps) {
  const client = useSyncClient();
  const rep = client.rep;
  const health = useSyncHealth(client);
  const stations = [...useEntityMap<Station>(rep, keyPrefix.station).map.values()].sort((a, b) => a.name.localeCompare(b.name));
  const [chime, setChime] = useState(p.chime);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(p.initial === 'all' ? [] : (p.initial ?? [])));
  const toggle = (id: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <main className="setup">
      <h1>Which stations does this screen show?</h1>
      <button type="button" className="btn btn--big btn--expo" onClick={() => p.onChoose('all', chime)}>
        Expo — all stations
      </button>
      {health.level === 'auth-error' ? (
        <p className="setup__error" role="alert">
          The server refused this kitchen token. Check it with your manager, then change it below.
        </p>
      ) : health.serverUnreachable ? (
        <p className="setup__error" role="alert">
          The server is not answering. Check the server URL, or wait for it to come back.
        </p>
      ) : (
        stations.length === 0 && <p className="muted">Waiting for stations from the server…</p>
      )}
      <div className="setup__stations">
        {stations.map((s) => (
          <label key={s.id} className={`station-choice ${chosen.has(s.id) ? 'station-choice--on' : ''}`}>
            <input type="checkbox" checked={chosen.has(s.id)} onChange={() => toggle(s.id)} data-station-id={s.id} />
            <span className="station-choice__name">{s.name}</span>
            <span className="muted">{s.type}</span>
          </label>
        ))}
      </div>
      <label className="station-choice">
        <input type="checkbox" checked={chime} onChange={() => setChime(!chime)} name="chime" />
        <span className="station-choice__name">Chime for new tickets</span>
      </label>
      <div className="setup__actions">
        <button type="button" className="btn btn--big" disabled={chosen.size === 0} onClick={() => p.onChoose([...chosen], chime)}>
          Show {chosen.size === 1 ? 'this station' : `these ${chosen.size} stations`}
        </button>
        <button type="button" className="btn btn--ghost" onClick={p.onChangeServer}>
          Change server or token
        </button>
      </div>
    </main>
  );
}
