/**
 * The versioning contract (README "Versions"). `release` names what a build ships; a client's
 * `schemaVersion` says which mutators and replica shapes it speaks. A server serves every client
 * schema from `minClientSchemaVersion` to `clientSchemaVersion`; older or unknown ones get
 * `VersionNotSupported` and the client asks to be updated, keeping its pending changes.
 */
export const release = '0.3.0';

/**
 * What clients of this build send as Replicache's `schemaVersion` (a decimal integer as text).
 * 2: items move by event (moveKitchenItem) instead of by target status (setKitchenItemStatus).
 */
export const clientSchemaVersion = 2;

/** Raised only when no supported client may still push a mutator the server would stop serving. */
export const minClientSchemaVersion = 1;

/**
 * Whether a server of this build serves a client that sends `schemaVersion`. `min` is the minimum
 * the server runs with: this build's floor, or higher (MIN_CLIENT_SCHEMA_VERSION) once the operator
 * stops serving older clients.
 */
export function servesSchemaVersion(schemaVersion: string, min = minClientSchemaVersion): boolean {
  if (!/^[1-9]\d{0,8}$/.test(schemaVersion)) return false;
  const n = Number(schemaVersion);
  return n >= min && n <= clientSchemaVersion;
}

/** A client's view of a server's answer: whether it must be updated before it can sync. */
export function updateRequired(server: { minClientSchemaVersion: number }, own = clientSchemaVersion): boolean {
  return own < server.minClientSchemaVersion;
}
