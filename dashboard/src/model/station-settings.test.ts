import { describe, expect, it } from 'vitest';
import { parseStationSettings, settingsOf } from './station-settings.ts';

describe('station settings', () => {
  it('capacity and the warn/late minutes are whole numbers, warn before late', () => {
    expect(parseStationSettings({ capacity: '6', warnMinutes: ' 4 ', lateMinutes: '9' })).toEqual({ ok: true, settings: { capacity: 6, warnMinutes: 4, lateMinutes: 9 } });
    expect(parseStationSettings({ capacity: '0', warnMinutes: '4', lateMinutes: '9' }).ok).toBe(false);
    expect(parseStationSettings({ capacity: '6', warnMinutes: '4.5', lateMinutes: '9' }).ok).toBe(false);
    expect(parseStationSettings({ capacity: '6', warnMinutes: '241', lateMinutes: '9' }).ok).toBe(false);
    expect(parseStationSettings({ capacity: '6', warnMinutes: '10', lateMinutes: '10' })).toEqual({ ok: false, problem: 'A ticket must turn “warn” before it turns “late”.' });
  });

  it('a station without thresholds starts the form at 5 and 10 minutes', () => {
    expect(settingsOf({ id: 's', name: 'Grill', type: 'grill', capacity: 4, active: true, openTickets: 0 })).toEqual({ capacity: 4, warnMinutes: 5, lateMinutes: 10 });
  });
});
