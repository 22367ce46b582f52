import type { Rejection } from '@kitchensync/shared';
import { useEffect, useState } from 'react';
import type { SyncClient } from '../create-sync-client.ts';

/** This client's rejected mutations, oldest first, until each is dismissed. */
export function useRejections(client: Pick<SyncClient, 'subscribeRejections'>): Rejection[] {
  const [rejections, setRejections] = useState<Rejection[]>([]);
  useEffect(() => client.subscribeRejections(setRejections), [client]);
  return rejections;
}
