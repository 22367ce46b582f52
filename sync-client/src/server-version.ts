import { clientSchemaVersion, release, updateRequired } from '@kitchensync/shared';
import { normalizeServerUrl } from './client-name.ts';

/** What `GET /api/health` says of the server's version (DESIGN.md's names). */
export interface ServerVersion {
  readonly version: string;
  readonly minClientSchemaVersion: number;
}

/** The server's version, or undefined when it does not answer or predates the field. */
export async function fetchServerVersion(serverUrl: string, fetcher: typeof fetch = fetch): Promise<ServerVersion | undefined> {
  try {
    const res = await fetcher(`${normalizeServerUrl(serverUrl)}/api/health`);
    const body = (await res.json()) as Partial<ServerVersion>;
    return typeof body.version === 'string' && typeof body.minClientSchemaVersion === 'number' ? { version: body.version, minClientSchemaVersion: body.minClientSchemaVersion } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a server that refused our schema is the older one: it still serves our schema's floor,
 * so it refused us for being newer (a hub not yet updated, a cloud mid-rollout).
 */
export async function serverOlderThanApp(serverUrl: string, fetcher: typeof fetch = fetch): Promise<boolean> {
  const server = await fetchServerVersion(serverUrl, fetcher);
  return server !== undefined && !updateRequired(server);
}

/** "app 0.2.0 (schema 1) · server 0.2.0", and what to do when this build is too old for it. */
export function versionText(server: ServerVersion | undefined): { text: string; updateRequired: boolean } {
  const own = `app ${release} (schema ${clientSchemaVersion})`;
  if (!server) return { text: `${own} · server version unknown`, updateRequired: false };
  const tooOld = updateRequired(server);
  return {
    text: `${own} · server ${server.version}${tooOld ? ` — update required: the server serves schema ${server.minClientSchemaVersion} and up` : ''}`,
    updateRequired: tooOld,
  };
}
