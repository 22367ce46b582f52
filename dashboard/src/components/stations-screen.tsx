import { openTicketStatuses, type KitchenOrder, type Station } from '@kitchensync/shared';
import { useMemo } from 'react';
import { presetRange } from '../model/date-range.ts';
import { consumption } from '../model/kitchen.ts';
import { knownStationTypes } from '../model/menu.ts';
import type { StationSettings } from '../model/station-settings.ts';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { useNow } from '../sync/use-now.ts';
import { useKitchenOrders, useProducts, useStations } from '../sync/use-replica.ts';
import { ConsumptionTable } from './consumption-table.tsx';
import { NewStationForm } from './new-station-form.tsx';
import { PrintersPanel } from './printers/printers-panel.tsx';
import { StationCard } from './station-card.tsx';

/** The kitchen at a glance: each station's live load and today's ingredient use. */
export function StationsScreen() {
  const { rep } = useSyncClient();
  const { map: stations } = useStations();
  const { map: tickets } = useKitchenOrders();
  const { map: products } = useProducts();
  const now = useNow(60_000);
  const today = presetRange('today', now);
  const uses = useMemo(() => consumption(tickets.values(), today.from, today.to), [tickets, today.from, today.to]);
  const list = [...stations.values()].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
  const open = list.reduce((n, s) => n + s.openTickets, 0);
  const ticketsAt = useMemo(() => {
    const by = new Map<string, KitchenOrder[]>();
    for (const t of tickets.values()) {
      if (openTicketStatuses.includes(t.status)) by.set(t.stationId, [...(by.get(t.stationId) ?? []), t]);
    }
    for (const list of by.values()) list.sort((a, b) => a.createdAt - b.createdAt);
    return by;
  }, [tickets]);
  const save = (s: Station, patch: StationSettings & { active: boolean }) =>
    void rep.mutate.upsertStation({ id: s.id, name: s.name, type: s.type, ...patch }).catch(() => undefined);

  return (
    <div className="stations-screen">
      <div className="page-head">
        <div>
          <h1>Kitchen</h1>
          <p className="muted">
            {list.length} stations · {open} open tickets · live
          </p>
        </div>
      </div>
      <div className="station-grid">
        {list.map((s) => (
          <StationCard key={s.id} station={s} tickets={ticketsAt.get(s.id) ?? []} onSave={(patch) => save(s, patch)} />
        ))}
      </div>
      <div className="two-col">
        <section className="card">
          <h2>Ingredient consumption today</h2>
          <ConsumptionTable uses={uses} />
        </section>
        <NewStationForm
          stationTypes={knownStationTypes(list.map((s) => s.type), products.values())}
          onAdd={(args) => void rep.mutate.upsertStation(args).catch(() => undefined)}
        />
      </div>
      <PrintersPanel stations={list} />
    </div>
  );
}
