import type { HubBacklog, SyncHealth, SyncPath } from '@kitchensync/sync-client';
import { Link } from '../routing/link.tsx';
import type { Route } from '../routing/routes.ts';
import { BrandMark } from './brand-mark.tsx';
import { SyncStatus } from './sync-status.tsx';

const nav: { route: Route; label: string; active: Route['name'][] }[] = [
  { route: { name: 'board' }, label: 'Orders', active: ['board', 'order'] },
  { route: { name: 'new-order' }, label: 'New order', active: ['new-order'] },
  { route: { name: 'menu' }, label: 'Menu', active: ['menu'] },
  { route: { name: 'stations' }, label: 'Kitchen', active: ['stations'] },
  { route: { name: 'stats' }, label: 'Statistics', active: ['stats'] },
  { route: { name: 'restaurant' }, label: 'Restaurant', active: ['restaurant'] },
];

export function AppHeader({
  route,
  health,
  syncPath,
  onSignOut,
}: {
  route: Route;
  health: SyncHealth;
  syncPath: { path: SyncPath | undefined; backlog: HubBacklog | undefined };
  onSignOut: () => void;
}) {
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <BrandMark />
        <span>kitchensync</span>
      </div>
      <nav className="app-nav" aria-label="Main">
        {nav.map((item) => (
          <Link
            key={item.label}
            to={item.route}
            className="app-nav__link"
            aria-current={item.active.includes(route.name) ? 'page' : undefined}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      <div className="app-header__end">
        <SyncStatus health={health} {...syncPath} />
        <button type="button" className="btn btn--ghost btn--small" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
