import { useBroadcasts, useSyncHealth, useSyncPath } from '@kitchensync/sync-client/react';
import type { ReactNode } from 'react';
import type { Route } from '../routing/routes.ts';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { useTerminalCode } from '../sync/use-terminal.ts';
import { AppHeader } from './app-header.tsx';
import { BroadcastBanner } from './broadcast-banner.tsx';
import { HealthBanner } from './health-banner.tsx';
import { PrinterAlerts } from './printers/printer-alerts.tsx';
import { RejectionNotices } from './rejection-notices.tsx';

/** Header, sync banners and notices around every manager page. */
export function ManagerShell({ route, onSignOut, children }: { route: Route; onSignOut: () => void; children: ReactNode }) {
  const client = useSyncClient();
  useTerminalCode();
  const health = useSyncHealth(client);
  const broadcasts = useBroadcasts(client);
  const syncPath = useSyncPath(client);
  return (
    <div className="app">
      <AppHeader route={route} health={health} syncPath={syncPath} onSignOut={onSignOut} />
      <HealthBanner health={health} onSignOut={onSignOut} onRetry={client.reconnect} />
      <BroadcastBanner messages={broadcasts.messages} onDismiss={broadcasts.dismiss} />
      <PrinterAlerts />
      <RejectionNotices />
      <main className="page">{children}</main>
    </div>
  );
}
