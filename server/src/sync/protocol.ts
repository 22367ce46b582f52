import { z } from 'zod';
import { DomainError, servesSchemaVersion } from '@kitchensync/shared';
import { isStorableText } from '../db/storable-text.ts';

/** Ids become SQL text: refuse what Postgres cannot store (a 400, not a 500 on every retry). */
export const idSchema = z.string().min(1).max(128).refine(isStorableText, 'contains characters that cannot be stored');
const clientGroupIdSchema = idSchema;
/** `cvr_order` is an int column and the next order is one more than the cookie's. */
const maxCookieOrder = 2 ** 31 - 2;

export const pushRequestSchema = z.object({
  pushVersion: z.number().int(),
  clientGroupID: clientGroupIdSchema,
  profileID: z.string().max(128).optional(),
  schemaVersion: z.string().max(64),
  mutations: z.array(
    z.object({
      id: z.number().int().positive(),
      clientID: idSchema,
      name: z.string().max(128),
      args: z.unknown(),
      timestamp: z.number(),
    }),
  ),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** `epoch`: the database's restore epoch when the cookie was given (absent from older servers' cookies). */
export const cookieSchema = z.object({ order: z.number().int().nonnegative().max(maxCookieOrder), cvrID: idSchema, epoch: idSchema.optional() });
export type Cookie = z.infer<typeof cookieSchema>;

export const pullRequestSchema = z.object({
  pullVersion: z.number().int(),
  clientGroupID: clientGroupIdSchema,
  profileID: z.string().max(128).optional(),
  schemaVersion: z.string().max(64),
  cookie: cookieSchema.nullable(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** A restaurant hub forwarding its terminals' mutations: the audit names the hub and when it had each one. */
export interface HubRelay {
  readonly hubTokenId: string;
  hubAt(clientID: string, mutationID: number): number;
}

export type ProtocolError =
  | { error: 'ClientStateNotFound' }
  | { error: 'VersionNotSupported'; versionType: 'push' | 'pull' | 'schema' };

export interface PushResult {
  response: ProtocolError | Record<string, never>;
  processed: number;
}

export function versionProblem(kind: 'push' | 'pull', version: number, schemaVersion: string, minSchema: number): ProtocolError | undefined {
  if (version !== 1) return { error: 'VersionNotSupported', versionType: kind };
  // From the server's minimum up (shared/src/versions.ts): mutation recovery pushes old groups' versions.
  if (!servesSchemaVersion(schemaVersion, minSchema)) return { error: 'VersionNotSupported', versionType: 'schema' };
  return undefined;
}

/** A principal acting outside what its token allows (the HTTP edge answers 403). */
export const notAllowed = (message: string) => new DomainError('forbidden', message);
