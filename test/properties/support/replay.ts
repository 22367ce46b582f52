import type { DomainEvent, ReadonlyJSONValue } from '@kitchensync/shared';
import type { MemoryTx } from '@kitchensync/shared/testing';
import { callFor, runCall } from './intent-calls.ts';
import { modelStore, type Intent } from './kitchen-model.ts';

export interface Step {
  readonly intent: Intent;
  /** The store just before the call (stored values are frozen, so this is a snapshot). */
  readonly before: readonly [string, ReadonlyJSONValue][];
  readonly tx: MemoryTx;
  /** What the call reported, or what it threw. */
  readonly outcome: { readonly events: DomainEvent[] } | { readonly error: unknown };
}

/** Runs intents one by one on a fresh model store, handing each step to `check`. */
export async function replay(
  intents: readonly Intent[],
  check: (step: Step) => void,
  location: 'client' | 'server' = 'client',
): Promise<MemoryTx> {
  const tx = await modelStore(location);
  for (const [i, intent] of intents.entries()) {
    const before = tx.entries();
    const call = callFor(intent, tx, 10_000 + i * 60_000);
    const outcome = await runCall(call, tx).then(
      (events) => ({ events }),
      (error: unknown) => ({ error }),
    );
    check({ intent, before, tx, outcome });
  }
  return tx;
}
