import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseStoredSettings, storedSettingsSchema, type StoredSettings } from '../common/settings.ts';

export interface SettingsFile {
  read(): Promise<StoredSettings>;
  /** Validates (every field optional, none unknown), then writes atomically; throws if invalid. */
  write(settings: unknown): Promise<StoredSettings>;
}

/** Remembered settings as JSON in the app's user-data folder. */
export function settingsFile(path: string): SettingsFile {
  return {
    async read() {
      try {
        return parseStoredSettings(JSON.parse(await readFile(path, 'utf8')));
      } catch {
        return {};
      }
    },
    async write(settings) {
      const valid = storedSettingsSchema.strict().parse(settings);
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.tmp`;
      await writeFile(tmp, JSON.stringify(valid, null, 2));
      await rename(tmp, path);
      return valid;
    },
  };
}
