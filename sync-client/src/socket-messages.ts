import { z } from 'zod';

const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('poke') }),
  z.object({ type: z.literal('broadcast'), message: z.unknown() }),
]);

export type ServerMessage = z.infer<typeof serverMessageSchema>;

/** Parses a WebSocket frame from the server; anything unknown or malformed is ignored. */
export function parseServerMessage(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const parsed = serverMessageSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const helloMessage = (token: string) => JSON.stringify({ type: 'hello', token });

/** The server closes with this code when the hello's token is bad or revoked. */
export const authErrorCloseCode = 4401;
