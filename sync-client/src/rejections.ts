import { keyPrefix, rejectionSchema, type Rejection } from '@kitchensync/shared';
import type { ReadTransaction } from 'replicache';

/** The replica prefix holding the rejections of one client's mutations. */
export const rejectionPrefix = (clientID: string) => `${keyPrefix.rejection}${clientID}/`;

/** Keeps well-formed rejections, oldest mutation first. */
export function sortRejections(values: readonly unknown[]): Rejection[] {
  return values
    .flatMap((v) => {
      const parsed = rejectionSchema.safeParse(v);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.mutationID - b.mutationID);
}

/** A subscription body listing this client's rejections. */
export function rejectionsQuery(clientID: string) {
  return async (tx: ReadTransaction): Promise<Rejection[]> =>
    sortRejections(await tx.scan({ prefix: rejectionPrefix(clientID) }).values().toArray());
}
