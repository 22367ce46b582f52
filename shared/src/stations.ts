import type { Station } from './schema.ts';

/** Load relative to capacity; the figure load balancing minimises. */
export const stationUtilisation = (s: Pick<Station, 'openTickets' | 'capacity'>) => s.openTickets / s.capacity;

function lessLoaded(a: Station, b: Station): number {
  return (
    stationUtilisation(a) - stationUtilisation(b) ||
    b.capacity - a.capacity ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The active station of `type` with the lowest load relative to capacity (ties: bigger, then lower id). */
export function pickStation(type: string, stations: readonly Station[]): Station | undefined {
  return stations.filter((s) => s.active && s.type === type).sort(lessLoaded)[0];
}

export interface StationAssignment {
  readonly assigned: ReadonlyMap<string, Station>;
  /** Station types with no active station: the work has nowhere to go. */
  readonly missing: readonly string[];
}

/** Assigns each station type to a station, counting earlier picks in the same call as load. */
export function assignStations(types: readonly string[], stations: readonly Station[]): StationAssignment {
  const working = stations.map((s) => ({ ...s }));
  const assigned = new Map<string, Station>();
  const missing: string[] = [];
  for (const type of types) {
    const station = pickStation(type, working);
    if (!station) {
      missing.push(type);
      continue;
    }
    assigned.set(type, stations.find((s) => s.id === station.id) ?? station);
    station.openTickets += 1;
  }
  return { assigned, missing };
}

/** Seconds of work queued ahead of a new ticket, spread over the station's capacity. */
export function queueSeconds(station: Pick<Station, 'openTickets' | 'capacity'>, ticketSeconds: number): number {
  return Math.floor(station.openTickets / station.capacity) * ticketSeconds;
}
