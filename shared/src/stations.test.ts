import { describe, expect, it } from 'vitest';
import type { Station } from './schema.ts';
import { assignStations, pickStation, queueSeconds, stationUtilisation } from './stations.ts';

const station = (id: string, type: string, capacity: number, openTickets = 0, active = true): Station => ({
  id,
  name: id,
  type,
  capacity,
  active,
  openTickets,
});

describe('pickStation', () => {
  it('picks the station with the lowest load relative to capacity, not the fewest tickets', () => {
    const big = station('grill-big', 'grill', 10, 3);
    const small = station('grill-small', 'grill', 2, 1);
    expect(stationUtilisation(big)).toBeLessThan(stationUtilisation(small));
    expect(pickStation('grill', [small, big])?.id).toBe('grill-big');
  });

  it('breaks a tie in load by the bigger station, then by the lower id, whatever the input order', () => {
    const a = station('a', 'grill', 2, 1);
    const b = station('b', 'grill', 4, 2);
    const c = station('c', 'grill', 4, 2);
    for (const order of [[a, b, c], [c, b, a], [b, a, c]]) expect(pickStation('grill', order)?.id).toBe('b');
  });

  it('never picks an inactive station, however idle', () => {
    expect(pickStation('grill', [station('idle', 'grill', 9, 0, false), station('busy', 'grill', 1, 5)])?.id).toBe('busy');
  });

  it('never picks a station of another type', () => {
    expect(pickStation('grill', [station('fry-1', 'fry', 9)])).toBeUndefined();
  });
});

describe('assignStations', () => {
  it('assigns each type to a station of that type', () => {
    const { assigned, missing } = assignStations(['grill', 'fry'], [station('g', 'grill', 1), station('f', 'fry', 1)]);
    expect([...assigned].map(([type, s]) => [type, s.id])).toEqual([
      ['grill', 'g'],
      ['fry', 'f'],
    ]);
    expect(missing).toEqual([]);
  });

  it('reports the types that have no active station', () => {
    const { assigned, missing } = assignStations(['grill', 'pastry', 'fry'], [station('g', 'grill', 1), station('f', 'fry', 1, 0, false)]);
    expect([...assigned.keys()]).toEqual(['grill']);
    expect(missing).toEqual(['pastry', 'fry']);
  });

  it('counts its own earlier picks as load, so repeated work spreads over stations', () => {
    const { assigned } = assignStations(['grill', 'grill'], [station('a', 'grill', 1), station('b', 'grill', 1)]);
    expect(assigned.get('grill')?.id).toBe('b');
  });

  it('returns stations as they were given, without its working load', () => {
    const stations = [station('a', 'grill', 2, 1)];
    const { assigned } = assignStations(['grill'], stations);
    expect(assigned.get('grill')).toEqual(station('a', 'grill', 2, 1));
    expect(stations[0]?.openTickets).toBe(1);
  });
});

describe('queueSeconds', () => {
  it('is zero while the station has a free slot, then one ticket time per full round of capacity', () => {
    expect(queueSeconds({ openTickets: 3, capacity: 4 }, 300)).toBe(0);
    expect(queueSeconds({ openTickets: 4, capacity: 4 }, 300)).toBe(300);
    expect(queueSeconds({ openTickets: 9, capacity: 4 }, 300)).toBe(600);
  });
});
