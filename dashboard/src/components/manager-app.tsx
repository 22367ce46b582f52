import { config } from '../config.ts';
import type { Route } from '../routing/routes.ts';
import type { Session } from '../session/session-store.ts';
import { SyncProvider } from '@kitchensync/sync-client/react';
import { BoardScreen } from './board-screen.tsx';
import { ManagerShell } from './manager-shell.tsx';
import { MenuScreen } from './menu-screen.tsx';
import { NewOrderScreen } from './new-order-screen.tsx';
import { NotFound } from './not-found.tsx';
import { OrderDetailScreen } from './order-detail-screen.tsx';
import { StationsScreen } from './stations-screen.tsx';
import { RestaurantScreen } from './restaurant-screen.tsx';
import { StatsScreen } from './stats-screen.tsx';

function ManagerPage({ route, token }: { route: Route; token: string }) {
  switch (route.name) {
    case 'board':
      return <BoardScreen />;
    case 'new-order':
      return <NewOrderScreen />;
    case 'order':
      return <OrderDetailScreen orderId={route.id} token={token} />;
    case 'menu':
      return <MenuScreen />;
    case 'stations':
      return <StationsScreen />;
    case 'stats':
      return <StatsScreen />;
    case 'restaurant':
      return <RestaurantScreen token={token} />;
    default:
      return <NotFound />;
  }
}

/** The restaurant manager's dashboard: one sync client, the shell, and the page for the route. */
export function ManagerApp({ session, route, onSignOut }: { session: Session; route: Route; onSignOut: () => void }) {
  return (
    <SyncProvider
      key={session.hubUrl ?? ''}
      serverUrl={session.serverUrl ?? config.serverUrl}
      token={session.token}
      {...(session.hubUrl ? { options: { hubUrl: session.hubUrl } } : {})}
      exposeAs="ksDashboard"
    >
      <ManagerShell route={route} onSignOut={onSignOut}>
        <ManagerPage route={route} token={session.token} />
      </ManagerShell>
    </SyncProvider>
  );
}
