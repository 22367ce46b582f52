import { z } from 'zod';

/** Which tickets this terminal shows: one or more stations, or expo (every station). */
export const stationChoiceSchema = z.union([z.literal('all'), z.array(z.string().min(1).max(128)).min(1).max(50)]);
export type StationChoice = z.infer<typeof stationChoiceSchema>;

export const settingsSchema = z.object({
  serverUrl: z.string().trim().max(500).regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL'),
  /** The restaurant's hub, preferred while it answers (README: Restaurant hub). */
  hubUrl: z.string().trim().max(500).regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL').optional(),
  token: z.string().trim().min(1).max(500),
  stations: stationChoiceSchema,
  chime: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** What a terminal remembers before setup is complete: any field may still be missing. */
export const storedSettingsSchema = settingsSchema.partial();
export type StoredSettings = z.infer<typeof storedSettingsSchema>;

/** Reads remembered settings leniently: a corrupt field is dropped, not fatal. */
export function parseStoredSettings(raw: unknown): StoredSettings {
  if (!raw || typeof raw !== 'object') return {};
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success) result[key] = parsed.data;
  }
  return result as StoredSettings;
}

/** Complete settings, or undefined while setup is still needed. */
export function completeSettings(stored: StoredSettings): Settings | undefined {
  const parsed = settingsSchema.safeParse({ chime: true, ...stored });
  return parsed.success ? parsed.data : undefined;
}
