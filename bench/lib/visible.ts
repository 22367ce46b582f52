// Visible on another client: Replicache client A runs a mutation, client B (pulling on every poke)
// sees it in a subscription. Both with `minDelayMs: 1` and no push delay, so what is measured is
// push → commit → poke → pull → subscribe, not Replicache's pacing.
import { Replicache, type LogSink } from 'replicache';
import { mutators } from '@kitchensync/shared';
import { openMany, openPokeSocket } from './raw-client.ts';
import { ms } from './stats.ts';

const quiet: LogSink = { log: () => undefined };
let seq = 0;

function client(url: string, token: string) {
  seq += 1;
  return new Replicache({
    name: `bench-${process.pid}-${seq}`,
    kvStore: 'mem',
    mutators,
    pullURL: `${url}/api/replicache/pull`,
    pushURL: `${url}/api/replicache/push`,
    auth: `Bearer ${token}`,
    schemaVersion: '1',
    pullInterval: null,
    pushDelay: 0,
    requestOptions: { minDelayMs: 1 },
    logSinks: [quiet],
  });
}

/** Latencies (ms) of `samples` one-row mutations; `bystanders` more sockets of the tenant stay connected. */
export async function visibleLatencies(url: string, token: string, samples: number, bystanders = 0): Promise<number[]> {
  const a = client(url, token);
  const b = client(url, token);
  const others = await openMany(bystanders, () => openPokeSocket(url, token, () => undefined));
  const socket = await openPokeSocket(url, token, () => void b.pull().catch(() => undefined));
  await Promise.all([a.pull(), b.pull()]);
  const latencies: number[] = [];
  try {
    for (let i = 0; i < samples + 10; i++) {
      const id = `v${process.pid}-${seq}-${i}`;
      const start = process.hrtime.bigint();
      const seen = new Promise<void>((resolve) => {
        const off = b.subscribe((tx) => tx.has(`product/${id}`), (has) => {
          if (!has) return;
          off();
          resolve();
        });
      });
      await a.mutate.upsertProduct({ id, name: `Visible ${i}`, priceCents: 100, stationType: 'grill', prepSeconds: 60 });
      await seen;
      if (i >= 10) latencies.push(ms(start)); // the first ten warm up both clients and the server
    }
  } finally {
    socket.close();
    for (const s of others) s.close();
    await Promise.all([a.close(), b.close()]);
  }
  return latencies;
}
