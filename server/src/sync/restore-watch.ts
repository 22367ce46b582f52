import type { Logger } from 'pino';
import { retryWhileUnavailable } from '../db/retry.ts';
import { currentEpoch } from './restore-epochs.ts';
import type { SyncEngine } from './sync-engine.ts';

/**
 * A restore (`scripts/backup.sh restore`) stops the database, so a running server loses its
 * LISTEN connection first: from then on no pull is answered from memory. When the connection is
 * back (`SyncEngine.onReconnect`, which also forgets the token cache and pokes every socket: runtime)
 * the epoch is read again; a new one drops everything the process remembered (view records, last
 * mutation ids), which may be from the future the restore undid. No restart needed.
 */
export function watchRestores(engine: SyncEngine, logger: Logger): void {
  const { db } = engine;
  db.onListenLost(() => engine.databaseLost());
  engine.onReconnect(() => {
    const waitLog = (err: unknown, retryInMs: number) => logger.warn({ err: (err as Error).message, retryInMs }, 'database back but not answering; reading its epoch again');
    retryWhileUnavailable(() => currentEpoch(db), waitLog).then(
      (epoch) => {
        if (engine.databaseBack(epoch)) logger.warn({ epoch }, 'the database was restored while this server ran: what it remembered is dropped, cookies name the new epoch');
      },
      (err: unknown) => logger.error({ err }, 'reading the restore epoch failed; pulls stay off the remembered views'),
    );
  });
}
