import { keyPrefix, printerAlerts, type Printer } from '@kitchensync/shared';
import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useEntityMap } from '@kitchensync/sync-client/react';
import type { StationChoice } from '../../../common/settings.ts';

/**
 * A printer serving this screen's stations cannot print ("Printer Bar: paper out — 3 tickets
 * waiting"), as the print agent reported it; expo hears of every printer. Gone once it prints.
 */
export function PrinterBanner({ rep, stations }: { rep: KitchenReplicache; stations: StationChoice }) {
  const printers = useEntityMap<Printer>(rep, keyPrefix.printer).map;
  const alerts = printerAlerts(printers.values(), stations === 'all' ? undefined : stations);
  if (alerts.length === 0) return null;
  return (
    <section className="printer-alerts" aria-label="Printers">
      {alerts.map((a) => (
        <div key={a.printerId} className="printer-alert" role="status" data-printer-id={a.printerId}>
          <span className="printer-alert__text">{a.text}</span>
        </div>
      ))}
    </section>
  );
}
