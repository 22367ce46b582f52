import { z } from 'zod';
import { idSchema, pushRequestSchema } from '../sync/protocol.ts';

/**
 * What a restaurant hub and the cloud say to each other (`/api/hub/*`, hub token only). The hub
 * mirrors its tenant from `HubSnapshot` and forwards its terminals' mutations as `ForwardedPush`.
 */
export const hubPullSchema = z.object({ since: z.number().int().nonnegative() });
export type HubPull = z.infer<typeof hubPullSchema>;

const pushMutation = pushRequestSchema.shape.mutations.element;

/** One terminal's push as the hub received it: same group, clients and ids, and when the hub had each. */
export const forwardedPushSchema = z.object({
  clientGroupID: pushRequestSchema.shape.clientGroupID,
  schemaVersion: pushRequestSchema.shape.schemaVersion,
  /** The terminal token that owns the client group (the hub knows it from its own token check). */
  tokenId: idSchema,
  // A JavaScript Date holds at most 8.64e15 ms: a later `hubAt` could not be stored as a time.
  mutations: z.array(pushMutation.extend({ hubAt: z.number().int().nonnegative().max(8.64e15) })),
  /** The cloud's epoch the hub knows: the answer then names the cloud's own (hubs of earlier releases send none and get the answer they knew). */
  epoch: z.string().max(100).optional(),
});
export type ForwardedPush = z.infer<typeof forwardedPushSchema>;

export const mirroredTokenSchema = z.object({
  id: z.string(),
  role: z.string(),
  label: z.string(),
  /** SHA-256 of the token: the hub checks bearer tokens against it; the secret never leaves the cloud. */
  hash: z.string(),
  orderId: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type MirroredToken = z.infer<typeof mirroredTokenSchema>;

export const hubSnapshotSchema = z.object({
  tenant: z.object({ id: z.string(), name: z.string() }),
  version: z.number().int().describe("the cloud's highest row version of the tenant: the `since` of the next pull"),
  rows: z.array(z.object({ key: z.string(), data: z.unknown() })).describe('entity rows written after `since`'),
  keys: z.array(z.string()).describe('on a full pull (since 0), every entity key the tenant has now: the hub drops the others; else empty'),
  rejections: z.array(z.object({ clientGroupID: z.string(), key: z.string(), data: z.unknown() })),
  groups: z.array(z.object({ id: z.string(), tokenId: z.string() })),
  clients: z.array(z.object({ id: z.string(), clientGroupID: z.string(), lastMutationID: z.number().int() })),
  tokens: z.array(mirroredTokenSchema),
  epoch: z.string().optional().describe("the cloud database's sync epoch: a new one means it was restored (clouds of earlier releases leave it out)"),
});
export type HubSnapshot = z.infer<typeof hubSnapshotSchema>;

export const forwardedPushResultSchema = z.object({
  response: z.record(z.string(), z.unknown()).describe('`{}` or a protocol error, as a push answers'),
  lastMutationIDs: z.record(z.string(), z.number().int()).describe("the cloud's last mutation id of each client in the push, after it"),
  epoch: z.string().optional().describe("the cloud database's sync epoch, as in a pull's answer, when the push named the epoch the hub knows"),
});
export type ForwardedPushResult = z.infer<typeof forwardedPushResultSchema>;

/** `GET /api/hub/status` at a hub: its link to the cloud and what waits for it. */
export interface HubStatus {
  upstream: 'online' | 'offline';
  /** When the hub last lost the cloud (epoch ms); null while the cloud answers. */
  offlineSince: number | null;
  tenantId: string | null;
  pending: number;
  oldestPendingAt: number | null;
  lastPullAt: number | null;
  /** The cloud refused a queued schema it does not serve yet: it runs an older release and must be updated. */
  cloudOutdated: boolean;
}
