import type { KitchenReplicache } from './create-replicache.ts';
import type { JournalStorage } from './mutation-journal.ts';

/** A mutation saved across a reset: the mutator and its args, run again as a new client's. */
interface SavedMutation {
  readonly name: string;
  readonly args: unknown;
}

interface Saved {
  readonly generation: number;
  readonly mutations: readonly SavedMutation[];
}

export interface ClientReset {
  /** The Replicache name of this generation: `base`, then `base~1`, `base~2`, … */
  readonly name: string;
  /** Saves `rep`'s unconfirmed mutations and moves on to the next generation (a new, empty replica). */
  save(rep: KitchenReplicache): Promise<void>;
  /** Runs the saved mutations again on `rep` once its first pull has landed: how many were sent and refused. */
  replay(rep: KitchenReplicache): Promise<{ sent: number; refused: number }>;
}

/**
 * When the server answers ClientStateNotFound (a purged client group, or a database restored to
 * a moment before what this replica saw), Replicache disables the client group and never pushes
 * its pending mutations again, and a new client group in the same storage would fork from the
 * replica's state, which the server no longer has. So the screen saves its unconfirmed mutations,
 * starts a replica under a new name (nothing to fork from: its first pull is the server's whole
 * view) and runs them again there, as new mutations of the new client: sent once, and refused
 * (a rejection, as any change) when the server's state no longer allows them.
 */
export function clientReset(base: string, store: JournalStorage | undefined): ClientReset {
  const key = `${base}:reset`;
  const read = (): Saved => {
    try {
      const parsed = JSON.parse(store?.getItem(key) ?? 'null') as Saved | null;
      return parsed && Array.isArray(parsed.mutations) ? parsed : { generation: 0, mutations: [] };
    } catch {
      return { generation: 0, mutations: [] };
    }
  };
  const write = (saved: Saved) => store?.setItem(key, JSON.stringify(saved));
  const { generation } = read();
  return {
    name: generation === 0 ? base : `${base}~${generation}`,
    async save(rep) {
      const pending = await rep.experimentalPendingMutations();
      const saved = read();
      write({ generation: saved.generation + 1, mutations: [...saved.mutations, ...pending.map(({ name, args }) => ({ name, args }))] });
    },
    async replay(rep) {
      const { mutations } = read();
      if (mutations.length === 0) return { sent: 0, refused: 0 };
      await firstPullLanded(rep);
      let refused = 0;
      const mutate = rep.mutate as unknown as Record<string, ((args: unknown) => Promise<unknown>) | undefined>;
      for (const m of mutations) {
        // A mutator the server's state no longer allows throws here and changes nothing.
        await Promise.resolve(mutate[m.name]?.(m.args) ?? Promise.reject(new Error(`unknown mutator ${m.name}`))).catch(() => (refused += 1));
      }
      write({ generation, mutations: [] });
      return { sent: mutations.length - refused, refused };
    },
  };
}

/** A new replica is empty until its first pull lands the server's whole view (never empty for a restaurant's staff). */
function firstPullLanded(rep: KitchenReplicache): Promise<void> {
  return new Promise((resolve) => {
    const stop = rep.subscribe((tx) => tx.scan({ limit: 1 }).keys().toArray(), (keys) => {
      if (keys.length === 0) return;
      stop();
      resolve();
    });
  });
}
