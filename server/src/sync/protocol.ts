import { z } from 'zod';

/** Every schemaVersion this server has ever served stays here (mutation recovery pushes old ones). */
export const supportedSchemaVersions: readonly string[] = ['1'];

const clientGroupIdSchema = z.string().min(1).max(128);

export const pushRequestSchema = z.object({
  pushVersion: z.number().int(),
  clientGroupID: clientGroupIdSchema,
  profileID: z.string().max(128).optional(),
  schemaVersion: z.string().max(64),
  mutations: z.array(
    z.object({
      id: z.number().int().positive(),
      clientID: z.string().min(1).max(128),
      name: z.string().max(128),
      args: z.unknown(),
      timestamp: z.number(),
    }),
  ),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const cookieSchema = z.object({ order: z.number().int().nonnegative(), cvrID: z.string().max(128) });
export type Cookie = z.infer<typeof cookieSchema>;

export const pullRequestSchema = z.object({
  pullVersion: z.number().int(),
  clientGroupID: clientGroupIdSchema,
  profileID: z.string().max(128).optional(),
  schemaVersion: z.string().max(64),
  cookie: cookieSchema.nullable(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export type ProtocolError =
  | { error: 'ClientStateNotFound' }
  | { error: 'VersionNotSupported'; versionType: 'push' | 'pull' | 'schema' };

export function versionProblem(kind: 'push' | 'pull', version: number, schemaVersion: string): ProtocolError | undefined {
  if (version !== 1) return { error: 'VersionNotSupported', versionType: kind };
  if (!supportedSchemaVersions.includes(schemaVersion)) return { error: 'VersionNotSupported', versionType: 'schema' };
  return undefined;
}
