import type { Settings } from '../../../common/settings.ts';
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useAcknowledgements } from '../hooks/use-acknowledgements.ts';
import { useArrivals } from '../hooks/use-arrivals.ts';
import { useChime } from '../hooks/use-chime.ts';
import { bump, useKitchenActions, useKitchenKeys, type ScreenDrawer } from '../hooks/use-kitchen-commands.ts';
import { handOff } from '../hooks/use-expo-commands.ts';
import { useRailSelection } from '../hooks/use-rail-selection.ts';
import { useUnconfirmedTickets } from '../hooks/use-unconfirmed.ts';
import { useUpdateReport } from '../hooks/use-update-report.ts';
import { useVoidAlarm } from '../hooks/use-void-alarm.ts';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { expoCounts, stationCounts } from '../model/counts.ts';
import { soldOutFor } from '../model/sold-out.ts';
import { voidMemoryMs, voidTickets } from '../model/void-cards.ts';
import { useExpoOrders } from '../sync/use-expo-orders.ts';
import { useKitchenData, type StationLabel } from '../sync/use-kitchen-data.ts';
import { AllDayPanel } from './all-day-panel.tsx';
import { BroadcastBanner } from './broadcast-banner.tsx';
import { PrinterBanner } from './printer-banner.tsx';
import { ScreenDownNotices } from './screen-down-notices.tsx';
import { BumpedDrawer } from './bumped-drawer.tsx';
import { ExpoBoard } from './expo-board.tsx';
import { KeymapLegend } from './keymap-legend.tsx';
import type { Pager } from './paged-columns.tsx';
import { RejectionNotices } from './rejection-notices.tsx';
import { ScreenHeader } from './screen-header.tsx';
import { SoldOutDrawer } from './sold-out-drawer.tsx';
import { SoldOutStrip } from './sold-out-strip.tsx';
import { SyncHealthBar } from './sync-health-bar.tsx';
import { TicketRail } from './ticket-rail.tsx';

/** The 86 list of a station screen shows its own station types; expo's shows everything. */
const stationTypes = (choice: Settings['stations'], stations: readonly StationLabel[]) =>
  choice === 'all' ? undefined : new Set(stations.filter((s) => choice.includes(s.id)).map((s) => s.type));

/** The screen line cooks live in: health, notices, the rail (or expo's board), all-day counts and the keymap. */
export function KitchenScreen({ settings, onSettings }: { settings: Settings; onSettings: () => void }) {
  const client = useSyncClient();
  const data = useKitchenData(client.rep, settings.stations);
  const { actions, notice, say } = useKitchenActions(client.rep);
  const acks = useAcknowledgements();
  const [openedAt] = useState(() => Date.now());
  const voids = useMemo(
    () => voidTickets(data.tickets.values(), settings.stations, acks.voids, openedAt - voidMemoryMs),
    [data.tickets, settings.stations, acks.voids, openedAt],
  );
  const expo = settings.stations === 'all';
  const rail = useMemo(() => (expo ? voids : [...voids, ...data.active, ...data.held]), [expo, voids, data.active, data.held]);
  const selection = useRailSelection(rail);
  const expoList = useExpoOrders(client.rep, data.tickets, expo);
  const expoSelection = useRailSelection(expoList);
  const [drawer, setDrawer] = useState<ScreenDrawer>({ open: false, index: 0 });
  const synced = useSyncExternalStore(client.health.subscribe, () => client.health.get().lastPullAt !== undefined);
  const chime = useChime(settings.chime);
  const playArrival = useCallback(() => chime.play('arrival'), [chime]);
  const playVoid = useCallback(() => chime.play('void'), [chime]);
  const { arrivals, clear } = useArrivals(data.active, synced, playArrival);
  useVoidAlarm(voids, playVoid);
  useUpdateReport(client, data.active);
  const unconfirmed = useUnconfirmedTickets(client);
  const railPager = useRef<Pager | undefined>(undefined);
  const expoPager = useRef<Pager | undefined>(undefined);
  const types = stationTypes(settings.stations, data.stations);
  const soldOut = useMemo(() => soldOutFor(data.products, types), [data.products, types]);
  const counts = expo ? expoCounts(expoList.length) : stationCounts(data.active.length, data.held.length);
  useKitchenKeys({
    selection, drawer, setDrawer, bumped: data.bumped, allergyAcked: acks.allergies, acknowledge: acks.acknowledge, touch: clear, say, actions,
    expo, rail, railPager, expoList, expoSelection, expoPager, voids,
  });
  const selectTicket = selection.select;
  const select = useCallback(
    (id: string) => {
      selectTicket(id);
      clear(id);
    },
    [selectTicket, clear],
  );
  const selectItem = selection.selectItem;
  const pickItem = useCallback(
    (id: string, item: number) => {
      selectItem(id, item);
      clear(id);
    },
    [selectItem, clear],
  );
  const onBump = useCallback((t: Parameters<typeof bump>[0]) => bump(t, { allergyAcked: acks.allergies, say, actions }), [acks.allergies, say, actions]);
  const onHandOff = useCallback((o: Parameters<typeof handOff>[0]) => handOff(o, { say, actions }), [say, actions]);

  const stationLabel = settings.stations === 'all' ? 'Expo — every order' : settings.stations.map(data.stationName).join(' + ');
  return (
    <div className="screen" data-chimes={chime.played.arrival} data-void-alarms={chime.played.void}>
      <SyncHealthBar client={client} />
      <BroadcastBanner client={client} />
      <PrinterBanner rep={client.rep} stations={settings.stations} />
      <ScreenDownNotices client={client} stations={settings.stations} />
      <RejectionNotices client={client} ticketById={data.ticketById} stationName={data.stationName} />
      <ScreenHeader
        stationLabel={stationLabel}
        counts={counts}
        bumpedCount={data.bumped.length}
        notice={notice}
        onRecallDrawer={() => setDrawer({ open: true, index: 0, which: 'bumped' })}
        onSoldOut={() => setDrawer({ open: true, index: 0, which: '86' })}
        onSettings={onSettings}
      />
      <SoldOutStrip products={soldOut} />
      <main className="screen__body">
        {expo && (
          <ExpoBoard
            orders={expoList}
            words={counts.words}
            selectedId={expoSelection.ticket?.id}
            selectedIndex={expoSelection.index}
            pickedItem={expoSelection.pickedItem}
            pagerRef={expoPager}
            customerName={data.customerName}
            stationName={data.stationName}
            thresholdsOf={data.thresholdsOf}
            onSelect={expoSelection.select}
            onFire={actions.fireCourse}
            onHandOff={onHandOff}
            onRush={actions.setRush}
          />
        )}
        {(!expo || voids.length > 0) && (
          <TicketRail
            rail={rail}
            words={expo ? `${voids.length} void${voids.length === 1 ? '' : 's'} to acknowledge` : counts.words}
            selectedId={selection.ticket?.id}
            selectedIndex={selection.index}
            pickedItem={selection.pickedItem}
            acked={acks.allergies}
            arrivals={arrivals}
            unconfirmed={unconfirmed}
            showStation={expo || settings.stations.length > 1}
            customerName={data.customerName}
            stationName={data.stationName}
            thresholdsOf={data.thresholdsOf}
            isRush={data.isRush}
            pagerRef={railPager}
            onSelect={select}
            onPick={pickItem}
            onAcknowledge={acks.acknowledge}
            onItem={actions.setItem}
            onBump={onBump}
          />
        )}
        {!expo && <AllDayPanel counts={data.allDay} soldOut={soldOut} />}
      </main>
      <KeymapLegend />
      {drawer.open && drawer.which !== '86' && (
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
      {drawer.open && drawer.which === '86' && (
        <SoldOutDrawer
          products={data.products}
          stationTypes={types}
          onToggle={actions.setSoldOut}
          onClose={() => setDrawer({ open: false, index: 0 })}
        />
      )}
    </div>
  );
}
