import type { Settings } from '../../../common/settings.ts';
import { useState, useSyncExternalStore } from 'react';
import { useAcknowledgements } from '../hooks/use-acknowledgements.ts';
import { useArrivals } from '../hooks/use-arrivals.ts';
import { useKitchenActions } from '../hooks/use-kitchen-actions.ts';
import { useKitchenKeys } from '../hooks/use-kitchen-keys.ts';
import { runCommand, type DrawerState } from '../hooks/use-rail-commands.ts';
import { useRailSelection } from '../hooks/use-rail-selection.ts';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { useKitchenData } from '../sync/use-kitchen-data.ts';
import { AllDayPanel } from './all-day-panel.tsx';
import { BroadcastBanner } from './broadcast-banner.tsx';
import { BumpedDrawer } from './bumped-drawer.tsx';
import { KeymapLegend } from './keymap-legend.tsx';
import { RejectionNotices } from './rejection-notices.tsx';
import { ScreenHeader } from './screen-header.tsx';
import { SyncHealthBar } from './sync-health-bar.tsx';
import { TicketRail } from './ticket-rail.tsx';

/** The screen line cooks live in: health, notices, the rail, all-day counts and the keymap. */
export function KitchenScreen({ settings, onSettings }: { settings: Settings; onSettings: () => void }) {
  const client = useSyncClient();
  const data = useKitchenData(client.rep, settings.stations);
  const { actions, error } = useKitchenActions(client.rep);
  const [acked, acknowledge] = useAcknowledgements();
  const selection = useRailSelection(data.rail);
  const [drawer, setDrawer] = useState<DrawerState>({ open: false, index: 0 });
  const synced = useSyncExternalStore(client.health.subscribe, () => client.health.get().lastPullAt !== undefined);
  const arrivals = useArrivals(data.rail, synced, settings.chime);
  useKitchenKeys((cmd) => runCommand(cmd, { selection, drawer, setDrawer, bumped: data.bumped, acked, acknowledge, actions }));

  const stationLabel = settings.stations === 'all' ? 'Expo — all stations' : settings.stations.map(data.stationName).join(' + ');
  return (
    <div className="screen">
      <SyncHealthBar client={client} />
      <BroadcastBanner client={client} />
      <RejectionNotices client={client} ticketById={data.ticketById} stationName={data.stationName} />
      <ScreenHeader
        stationLabel={stationLabel}
        openCount={data.rail.length}
        bumpedCount={data.bumped.length}
        error={error}
        onRecallDrawer={() => setDrawer({ open: true, index: 0 })}
        onSettings={onSettings}
      />
      <div className="screen__body">
        <TicketRail
          rail={data.rail}
          selectedId={selection.ticket?.id}
          selectedIndex={selection.index}
          pickedItem={selection.pickedItem}
          acked={acked}
          arrivals={arrivals}
          showStation={settings.stations === 'all' || settings.stations.length > 1}
          customerName={data.customerName}
          stationName={data.stationName}
          onSelect={selection.select}
          onAcknowledge={acknowledge}
          onItem={actions.setItem}
          onBump={actions.bump}
        />
        <AllDayPanel counts={data.allDay} />
      </div>
      <KeymapLegend />
      {drawer.open && (
        <BumpedDrawer
          tickets={data.bumped}
          highlighted={drawer.index}
          stationName={data.stationName}
          onRecall={(t) => {
            actions.recall(t);
            setDrawer({ open: false, index: 0 });
          }}
          onClose={() => setDrawer({ open: false, index: 0 })}
        />
      )}
    </div>
  );
}
