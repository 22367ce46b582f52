import { z } from 'zod';
import { epochMsSchema, idSchema } from './primitives.ts';

/**
 * Backup mode for a dead screen (issue 22 point 6): a station with a backup printer whose screens
 * have all been gone longer than the printer's `backupAfterSeconds` prints its tickets there. The
 * print agent sees the screens (server/src/screens) and says so through these mutators.
 */

/** What printed while a station's screens were gone, per printer: what its screen shows when it is back. */
export const screenDownNoticeSchema = z.object({
  /** When the station's screens were last online before the outage. */
  since: epochMsSchema,
  /** When a screen of the station was back. */
  until: epochMsSchema,
  printed: z.array(z.object({ printerId: idSchema, printerName: z.string(), numbers: z.array(z.string()) })),
});
export type ScreenDownNotice = z.infer<typeof screenDownNoticeSchema>;

/** A station's fields kept by the agent's word, never by a manager's edit. */
export const stationScreenFields = {
  /** Set while the station is in backup mode: when its screens were last online. */
  screensDownSince: epochMsSchema.optional(),
  /** Until a cook dismisses it on the station's screen. */
  screenDownNotice: screenDownNoticeSchema.optional(),
};

export const stationScreensDownArgsSchema = z.object({ stationId: idSchema, since: epochMsSchema, at: epochMsSchema });
export const stationScreensBackArgsSchema = z.object({ stationId: idSchema, at: epochMsSchema });
export const dismissScreenDownNoticeArgsSchema = z.object({ stationId: idSchema });

/**
 * How often a screen says which stations it shows, on its poke socket. The shortest
 * `backupAfterSeconds` (5 s) holds two of them, so one late message never starts backup printing.
 */
export const screenPresenceIntervalMs = 2000;
