import { parseStoredSettings, storedSettingsSchema, type StoredSettings } from '../../../common/settings.ts';

const storageKey = 'kitchensync.kitchen.settings';

/** Browser terminals are served by the sync server itself: default to that origin. */
export function defaultServerUrl(loc: { protocol: string; origin: string } | undefined): string {
  return loc && /^https?:$/.test(loc.protocol) ? loc.origin : 'http://127.0.0.1:8787';
}

/** Remembered settings: Electron keeps them in main (window.api); browsers in localStorage. */
export async function loadSettings(): Promise<StoredSettings> {
  if (window.api) return window.api.settings.get();
  try {
    return parseStoredSettings(JSON.parse(localStorage.getItem(storageKey) ?? '{}'));
  } catch {
    return {};
  }
}

export async function saveSettings(settings: StoredSettings): Promise<StoredSettings> {
  const valid = storedSettingsSchema.parse(settings);
  if (window.api) return window.api.settings.set(valid);
  localStorage.setItem(storageKey, JSON.stringify(valid));
  return valid;
}
