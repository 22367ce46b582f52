import { keyPrefix, type Station } from '@kitchensync/shared';
import type { SyncClient } from '@kitchensync/sync-client';
import { useEntityMap } from '@kitchensync/sync-client/react';
import { useEffect } from 'react';
import type { StationChoice } from '../../../common/settings.ts';
import { screenDownText } from '../model/screen-down-text.ts';

/**
 * A station screen says which stations it shows (the print agent prints on their backup printer
 * when every screen of a station goes silent), and, back from such a silence, what printed
 * meanwhile, until a cook dismisses it. Expo names no station: it is no station's screen.
 */
export function ScreenDownNotices({ client, stations }: { client: SyncClient; stations: StationChoice }) {
  const shown = stations === 'all' ? [] : stations;
  // Station ids have no spaces: the joined list changes exactly when the choice does.
  const said = shown.join(' ');
  useEffect(() => {
    client.showStations(said ? said.split(' ') : []);
    return () => client.showStations([]);
  }, [client, said]);
  const all = useEntityMap<Station>(client.rep, keyPrefix.station).map;
  const notices = shown.flatMap((id) => {
    const station = all.get(id);
    return station?.screenDownNotice ? [{ station, notice: station.screenDownNotice }] : [];
  });
  if (notices.length === 0) return null;
  return (
    <section className="screen-down-notices" aria-label="Printed while this screen was down">
      {notices.map(({ station, notice }) => (
        <div key={station.id} className="screen-down-notice" role="status" data-station-id={station.id}>
          <span className="screen-down-notice__text">
            {shown.length > 1 ? `${station.name}: ` : ''}
            {screenDownText(notice)}
          </span>
          <button type="button" className="btn" onClick={() => void client.rep.mutate.dismissScreenDownNotice({ stationId: station.id }).catch(() => undefined)}>
            Got it
          </button>
        </div>
      ))}
    </section>
  );
}
