export type ServerMessage = { type: 'ready' } | { type: 'poke' } | { type: 'broadcast'; message: unknown };

/**
 * Parses a WebSocket frame from the server; anything unknown or malformed is ignored. Three shapes,
 * checked by hand: this runs in the customer tracker too, which ships without zod to stay small.
 */
export function parseServerMessage(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof frame !== 'object' || frame === null) return undefined;
  const { type, message } = frame as { type?: unknown; message?: unknown };
  if (type === 'ready' || type === 'poke') return { type };
  return type === 'broadcast' ? { type, message } : undefined;
}

export const helloMessage = (token: string) => JSON.stringify({ type: 'hello', token });

/** A kitchen screen names the stations it shows, on every connect and then every few seconds (README "Kitchen printers"). */
export const screenMessage = (stations: readonly string[]) => JSON.stringify({ type: 'screen', stations });

/** The server closes with this code when the hello's token is bad or revoked. */
export const authErrorCloseCode = 4401;
