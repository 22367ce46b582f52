import { stationKey, stationSchema, stationThresholds, thresholdsInOrder, type Station } from '@kitchensync/shared';
import type { z } from 'zod';
import { newId } from '../auth/tokens.ts';
import { findStation, listStations } from '../db/catalog-queries.ts';
import { HttpError } from '../http/http-error.ts';
import { found } from './found.ts';
import { writeThrough } from './rest-write.ts';
import { defineRoute, type RouteContext } from './route-spec.ts';
import { idParams } from './schemas/common-schemas.ts';
import { createStationBody, stationListQuery, stationListSchema, updateStationBody } from './schemas/kitchen-schemas.ts';

const tag = 'Stations';

/** The station as it will be stored must warn before it is late: a 400, like any other bad field. */
function assertThresholds(station: Parameters<typeof stationThresholds>[0]): void {
  if (thresholdsInOrder(station)) return;
  const { warnMinutes, lateMinutes } = stationThresholds(station);
  throw new HttpError(400, 'invalid_request', 'invalid body', [
    { path: 'warnMinutes', message: `warnMinutes (${warnMinutes}) must be below lateMinutes (${lateMinutes}); unset ones are 5 and 10` },
  ]);
}

/** Edits what is sent and keeps the rest; the station's open tickets are the mutators' to count. */
function updateStation(ctx: RouteContext<{ id: string }, unknown, z.output<typeof updateStationBody>>) {
  return writeThrough(ctx, async (w) => {
    const existing = found(await w.get<Station>(stationKey(ctx.params.id)), 'station');
    assertThresholds({ ...existing, ...ctx.body });
    // openTickets is the kitchen mutators' to count; the args schema strips it.
    await w.apply('upsertStation', { ...existing, ...ctx.body, id: existing.id });
    return w.get<Station>(stationKey(existing.id));
  });
}

const update = (method: 'put' | 'patch') =>
  defineRoute({
    method, path: '/kitchen/stations/:id', tag, roles: ['manager'], summary: `Update a station${method === 'patch' ? ' (same as PUT)' : ''}`,
    description: 'Change name, type, capacity, `active` or the aging thresholds `warnMinutes` < `lateMinutes` (minutes since a ticket was fired; default 5 and 10; warn ≥ late → 400). A deactivated station takes no new tickets; those already assigned stay and are finished there (it still shows their load).',
    params: idParams,
    body: updateStationBody,
    success: { status: 200, schema: stationSchema, description: 'the station' },
    errors: [400, 404],
    handle: updateStation,
  });

export const stationRoutes = [
  defineRoute({
    method: 'get', path: '/kitchen/stations', tag, roles: ['manager', 'kitchen'], summary: 'List stations',
    query: stationListQuery,
    success: { status: 200, schema: stationListSchema, description: 'stations by type, with their open tickets' },
    errors: [400],
    handle: async ({ db, tenantId, query }) => ({ items: await listStations(db, tenantId, query), nextCursor: null }),
  }),
  defineRoute({
    method: 'get', path: '/kitchen/stations/:id', tag, roles: ['manager', 'kitchen'], summary: 'Get a station',
    params: idParams,
    success: { status: 200, schema: stationSchema, description: 'the station' },
    errors: [400, 404],
    handle: async ({ db, tenantId, params }) => found(await findStation(db, tenantId, params.id), 'station'),
  }),
  defineRoute({
    method: 'post', path: '/kitchen/stations', tag, roles: ['manager'], summary: 'Create a station',
    description: 'New tickets of its type are balanced over active stations by load relative to capacity. `warnMinutes` < `lateMinutes` (default 5 and 10) colour its tickets by age; warn ≥ late → 400.',
    body: createStationBody,
    success: { status: 201, schema: stationSchema, description: 'the new station' },
    errors: [400, 409],
    handle: (ctx) =>
      writeThrough(ctx, async (w) => {
        const id = ctx.body.id ?? newId('st');
        assertThresholds(ctx.body);
        if (await w.get(stationKey(id))) throw new HttpError(409, 'already_exists', `station ${id} already exists`);
        await w.apply('upsertStation', { ...ctx.body, id });
        return w.get<Station>(stationKey(id));
      }),
  }),
  update('put'),
  update('patch'),
];
