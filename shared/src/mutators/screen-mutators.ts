import { DomainError } from '../errors.ts';
import { stationKey } from '../keys.ts';
import { backupPrinters, mergeNotices, printScreenDownBatch, printedWhileDown } from '../print/screen-down.ts';
import type { Station } from '../schema.ts';
import { dismissScreenDownNoticeArgsSchema, stationScreensBackArgsSchema, stationScreensDownArgsSchema } from '../schemas/screens.ts';
import { readOrFail, write, type Tx } from '../tx.ts';
import { defineMutator, printAgentWord } from './args.ts';

const readStation = (tx: Tx, id: string) => readOrFail<Station>(tx, stationKey(id), `station ${id}`);

/**
 * The print agent found none of the station's screens online for longer than its backup printer
 * waits: backup mode. Its open tickets print once as a "screen down" batch and its new ones print
 * (print-jobs.ts `ticketPrinters`). A second word on the same outage (a second agent, a restart)
 * changes nothing.
 */
export const stationScreensDown = printAgentWord(
  defineMutator(stationScreensDownArgsSchema, async (tx, args) => {
    const station = await readStation(tx, args.stationId);
    if (station.screensDownSince !== undefined) return [];
    const printers = await backupPrinters(tx, station.id);
    if (printers.length === 0) throw new DomainError('invalid_args', `no backup printer serves ${station.name}`, { stationId: station.id });
    await write(tx, stationKey(station.id), { ...station, screensDownSince: args.since });
    const jobIds = await printScreenDownBatch(tx, { ...station, screensDownSince: args.since }, printers, args.since, args.at);
    return [{ type: 'station.screens_down', stationId: station.id, since: args.since, jobIds }];
  }, (args) => [stationKey(args.stationId)]),
);

/** A screen of the station is back: backup printing stops and the screen hears what printed meanwhile. */
export const stationScreensBack = printAgentWord(
  defineMutator(stationScreensBackArgsSchema, async (tx, args) => {
    const { screensDownSince: since, ...station } = await readStation(tx, args.stationId);
    if (since === undefined) return [];
    const printed = await printedWhileDown(tx, station.id, since);
    const notice = printed.length > 0 ? mergeNotices(station.screenDownNotice, { since, until: args.at, printed }) : station.screenDownNotice;
    await write(tx, stationKey(station.id), { ...station, ...(notice ? { screenDownNotice: notice } : {}) });
    return [{ type: 'station.screens_back', stationId: station.id, since, printed: printed.flatMap((p) => p.numbers) }];
  }, (args) => [stationKey(args.stationId)]),
);

/** A cook has read what printed while the screen was down. */
export const dismissScreenDownNotice = defineMutator(dismissScreenDownNoticeArgsSchema, async (tx, args) => {
  const { screenDownNotice, ...station } = await readStation(tx, args.stationId);
  if (!screenDownNotice) return [];
  await write(tx, stationKey(station.id), station);
  return [{ type: 'station.screen_notice_dismissed', stationId: station.id }];
}, (args) => [stationKey(args.stationId)]);
