// Runs: CI runs every property here 500 times (FC_RUNS unset); each run is one pure
// assignStations call. FC_RUNS=n overrides the count.
import fc from 'fast-check';
import { assignStations, stationUtilisation, type Station } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { fcRuns } from './support/runs.ts';

const numRuns = fcRuns(500);
const types = ['grill', 'fry', 'cold', 'pastry'] as const;

/** Up to eight stations with unique ids, any load (even past capacity), some switched off. */
const stationsArb: fc.Arbitrary<Station[]> = fc
  .array(
    fc.record({
      type: fc.constantFrom(...types),
      capacity: fc.integer({ min: 1, max: 5 }),
      openTickets: fc.integer({ min: 0, max: 8 }),
      active: fc.boolean(),
    }),
    { maxLength: 8 },
  )
  .map((specs) => specs.map((s, i) => ({ ...s, id: `st-${i}`, name: `Station ${i}` })));

/** A contract has one group per station type, so the types asked for are distinct. */
const typesArb = fc.uniqueArray(fc.constantFrom(...types), { minLength: 1, maxLength: types.length });

const candidates = (stations: readonly Station[], type: string) => stations.filter((s) => s.active && s.type === type);

describe('station assignment', () => {
  it('puts work only on an active station of the right type, and reports exactly the types no active station serves', () => {
    fc.assert(
      fc.property(stationsArb, typesArb, (stations, wanted) => {
        const { assigned, missing } = assignStations(wanted, stations);
        for (const type of wanted) {
          const station = assigned.get(type);
          if (candidates(stations, type).length === 0) {
            expect(station).toBeUndefined();
            expect(missing).toContain(type);
          } else {
            expect(station).toMatchObject({ active: true, type });
            expect(missing).not.toContain(type);
          }
        }
      }),
      { numRuns },
    );
  });

  it('picks the lowest load relative to capacity, so never loads a station past capacity while a sibling has room', () => {
    fc.assert(
      fc.property(stationsArb, typesArb, (stations, wanted) => {
        const { assigned } = assignStations(wanted, stations);
        for (const [type, station] of assigned) {
          const siblings = candidates(stations, type).filter((s) => s.id !== station.id);
          for (const other of siblings) expect(stationUtilisation(station)).toBeLessThanOrEqual(stationUtilisation(other));
          if (station.openTickets + 1 > station.capacity) {
            expect(siblings.filter((s) => s.openTickets < s.capacity)).toEqual([]);
          }
        }
      }),
      { numRuns },
    );
  });

  it('gives the same stations whatever order the stations are listed in, and leaves its input alone', () => {
    const listedTwice = stationsArb.chain((stations) =>
      fc.tuple(fc.constant(stations), fc.shuffledSubarray(stations, { minLength: stations.length, maxLength: stations.length })),
    );
    fc.assert(
      fc.property(listedTwice, typesArb, ([stations, shuffled], wanted) => {
        const before = JSON.stringify(stations);
        const ids = (list: readonly Station[]) => [...assignStations(wanted, list).assigned].map(([type, s]) => [type, s.id]);
        expect(ids(shuffled)).toEqual(ids(stations));
        expect(JSON.stringify(stations)).toBe(before);
      }),
      { numRuns },
    );
  });
});
