import { printerAlerts } from '@kitchensync/shared';
import { Link } from '../../routing/link.tsx';
import { usePrinters } from '../../sync/use-replica.ts';

/** On every manager page: a printer out of paper (or unreachable) and how many tickets wait for it. */
export function PrinterAlerts() {
  const alerts = printerAlerts(usePrinters().map.values());
  if (alerts.length === 0) return null;
  return (
    <div className="notices">
      {alerts.map((a) => (
        <div key={a.printerId} className="banner banner--warning" role="status" data-banner="printer" data-printer-id={a.printerId}>
          <strong>{a.text}</strong>
          <Link to={{ name: 'stations' }} className="btn btn--small">
            Printers
          </Link>
        </div>
      ))}
    </div>
  );
}
