import { localServiceDayOf } from '@kitchensync/shared';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { useEffect } from 'react';
import { newId } from '../model/ids.ts';
import { useNow } from './use-now.ts';

const storageKey = 'kitchensync.dashboard.terminal';

/**
 * This tab's terminal id: one per tab, kept across reloads (sessionStorage), so a reload keeps
 * the tab's code for the day. A duplicated tab copies it; numbers stay unique (the server numbers
 * by its own counters), the copy's optimistic number may just change on its next pull.
 */
export function terminalId(storage: Storage | undefined = globalThis.sessionStorage): string {
  const known = storage?.getItem(storageKey);
  if (known) return known;
  const id = newId('t');
  storage?.setItem(storageKey, id);
  return id;
}

/** Asks the server for this terminal's code of the day, so orders taken offline later are numbered at once. */
export function useTerminalCode(): void {
  const { rep } = useSyncClient();
  const serviceDay = localServiceDayOf(useNow(60_000));
  useEffect(() => {
    // Queued like any change while offline; a refusal only means orders wait for the server's number.
    rep.mutate.claimTerminalCode({ terminalId: terminalId(), serviceDay }).catch(() => undefined);
  }, [rep, serviceDay]);
}
