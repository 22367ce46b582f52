/** Half-open time ranges [from, to) in epoch ms, in the browser's time zone. */
export interface DateRange {
  readonly from: number;
  readonly to: number;
}

export type RangePreset = 'today' | 'yesterday' | 'last7' | 'last30';

export const rangePresets: readonly { id: RangePreset; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'yesterday', label: 'Yesterday' },
  { id: 'last7', label: 'Last 7 days' },
  { id: 'last30', label: 'Last 30 days' },
];

export function startOfDay(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Calendar arithmetic, so a day is a day across daylight-saving changes. */
export function addDays(dayStart: number, days: number): number {
  const d = new Date(dayStart);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

const presetDays: Record<RangePreset, { back: number; days: number }> = {
  today: { back: 0, days: 1 },
  yesterday: { back: 1, days: 1 },
  last7: { back: 6, days: 7 },
  last30: { back: 29, days: 30 },
};

export function presetRange(preset: RangePreset, now: number): DateRange {
  const { back, days } = presetDays[preset];
  const from = addDays(startOfDay(now), -back);
  return { from, to: addDays(from, days) };
}

/** "2025-03-01" → local midnight, or undefined for anything else. */
export function parseDateInput(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) || d.getDate() !== Number(m[3]) ? undefined : d.getTime();
}

export function toDateInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Both days inclusive, in either order; undefined if a date is missing or invalid. */
export function customRange(fromText: string, toText: string): DateRange | undefined {
  const a = parseDateInput(fromText);
  const b = parseDateInput(toText);
  if (a === undefined || b === undefined) return undefined;
  return { from: Math.min(a, b), to: addDays(Math.max(a, b), 1) };
}

/** Local day starts covered by the range. */
export function daysIn(range: DateRange): number[] {
  const days: number[] = [];
  for (let d = startOfDay(range.from); d < range.to; d = addDays(d, 1)) days.push(d);
  return days;
}

export const inRange = (at: number, range: DateRange) => at >= range.from && at < range.to;
