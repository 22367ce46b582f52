import { stationThresholds, thresholdsInOrder, type Station } from '@kitchensync/shared';

export interface StationSettings {
  readonly capacity: number;
  readonly warnMinutes: number;
  readonly lateMinutes: number;
}

export type StationSettingsResult = { ok: true; settings: StationSettings } | { ok: false; problem: string };

const wholeIn = (text: string, min: number, max: number) => (/^\d{1,4}$/.test(text.trim()) && Number(text) >= min && Number(text) <= max ? Number(text) : undefined);

/** The form's text as a station's capacity and aging thresholds (minutes since a ticket was fired). */
export function parseStationSettings(form: { capacity: string; warnMinutes: string; lateMinutes: string }): StationSettingsResult {
  const capacity = wholeIn(form.capacity, 1, 1000);
  const warnMinutes = wholeIn(form.warnMinutes, 1, 240);
  const lateMinutes = wholeIn(form.lateMinutes, 1, 240);
  if (capacity === undefined) return { ok: false, problem: 'Capacity is a whole number from 1 to 1000.' };
  if (warnMinutes === undefined || lateMinutes === undefined) return { ok: false, problem: 'Warn and late are whole minutes from 1 to 240.' };
  if (!thresholdsInOrder({ warnMinutes, lateMinutes })) return { ok: false, problem: 'A ticket must turn “warn” before it turns “late”.' };
  return { ok: true, settings: { capacity, warnMinutes, lateMinutes } };
}

/** What the form starts from: the stored values, or the defaults (5 and 10) for a station without them. */
export const settingsOf = (station: Station): StationSettings => ({ capacity: station.capacity, ...stationThresholds(station) });
