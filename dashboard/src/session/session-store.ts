import { z } from 'zod';

const serverUrl = z.string().trim().max(500).regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL');

export const sessionSchema = z.object({
  token: z.string().min(1).max(512),
  role: z.enum(['manager', 'admin']),
  /** The manager's tenant, when the server told us (for monitoring calls). */
  tenantId: z.string().optional(),
  /** The cloud, when it is not the server that served this page (a dashboard loaded from the hub). */
  serverUrl: serverUrl.optional(),
  /** The restaurant's hub: the sync path preferred while it answers (sync-client's path choice). */
  hubUrl: serverUrl.optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The remembered sign-in: kept in this browser so a reload (or going offline) keeps working. */
export function createSessionStore(storage: SessionStorage | undefined, key: string) {
  return {
    load(): Session | undefined {
      try {
        const parsed = sessionSchema.safeParse(JSON.parse(storage?.getItem(key) ?? 'null'));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    save(session: Session): void {
      try {
        storage?.setItem(key, JSON.stringify(sessionSchema.parse(session)));
      } catch {
        // Private mode or full storage: the session lasts until the tab closes.
      }
    },
    clear(): void {
      try {
        storage?.removeItem(key);
      } catch {
        // nothing to clear
      }
    },
  };
}
