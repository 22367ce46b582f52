import { describe, expect, it } from 'vitest';
import { completeSettings, parseStoredSettings, type StationChoice } from './settings.ts';

describe('remembered settings', () => {
  it('keep the valid fields and drop corrupt ones', () => {
    expect(parseStoredSettings({ serverUrl: 'http://k:8787', token: '', stations: 'some', chime: true })).toEqual({
      serverUrl: 'http://k:8787',
      chime: true,
    });
  });

  it('anything but an object reads as nothing remembered', () => {
    expect(parseStoredSettings('junk')).toEqual({});
    expect(parseStoredSettings(null)).toEqual({});
  });

  it('are complete once server, token and stations are known (chime defaults on)', () => {
    expect(completeSettings({ serverUrl: 'http://k', token: 't' })).toBeUndefined();
    expect(completeSettings({ serverUrl: 'http://k', token: 't', stations: 'all' })).toEqual({
      serverUrl: 'http://k',
      token: 't',
      stations: 'all',
      chime: true,
    });
  });

  it('accept one station, several, or expo', () => {
    for (const stations of ['all', ['grill-1'], ['grill-1', 'fry-1']] satisfies StationChoice[]) {
      expect(completeSettings({ serverUrl: 'http://k', token: 't', stations })?.stations).toEqual(stations);
    }
    expect(completeSettings({ serverUrl: 'http://k', token: 't', stations: ['a', 'l', 'l'] })?.stations).toEqual(['a', 'l', 'l']);
    expect(completeSettings({ serverUrl: 'http://k', token: 't', stations: [] })).toBeUndefined();
  });

  it('only http(s) servers are accepted', () => {
    expect(completeSettings({ serverUrl: 'file:///etc', token: 't', stations: 'all' })).toBeUndefined();
  });
});
