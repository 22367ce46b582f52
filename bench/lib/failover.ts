// The failover figure of `pnpm bench sync`: on the primary + synchronous standby pair of
// scripts/pg-pair.sh (5433/5434), a client pushes one mutation at a time; the primary is killed
// and the standby promoted at once, as failover tooling would; we time the death of the primary
// to the first push saved through the new primary, and count the pushes refused meanwhile.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { demoProducts } from '@kitchensync/shared';
import { RawClient } from './raw-client.ts';
import { benchTenant, startServerProcess } from './server-process.ts';

const pairScript = fileURLToPath(new URL('../../scripts/pg-pair.sh', import.meta.url));
const pair = (...args: string[]) => execFileSync('bash', [pairScript, ...args], { encoding: 'utf8' }).trim();
/** Without blocking the event loop: the pushes go on while the primary dies and the standby is promoted. */
const pairAsync = (...args: string[]) => promisify(execFile)('bash', [pairScript, ...args]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const auth = 'kitchensync:kitchensync';

async function onPort(port: number, sql: string) {
  const client = new pg.Client({ connectionString: `postgres://${auth}@127.0.0.1:${port}/postgres` });
  await client.connect();
  await client.query(sql);
  await client.end();
}

export interface FailoverFigure {
  primaryDeathToFirstSavedPushMs: number;
  promotionMs: number;
  pushesRefused: number;
  pushesSavedBefore: number;
}

export async function failover(): Promise<FailoverFigure> {
  let [primary, standby] = pair('ensure').split(' ').map(Number) as [number, number];
  const database = `ks_bench_fo_${randomBytes(4).toString('hex')}`;
  await onPort(primary, `CREATE DATABASE ${database}`);
  const url = `postgres://${auth}@127.0.0.1:${primary},127.0.0.1:${standby}/${database}?target_session_attrs=read-write`;
  const server = await startServerProcess('postgres', { DATABASE_URL: url });
  try {
    const tenant = await benchTenant(server, 'failover');
    await new RawClient(server.url, tenant.manager).push(demoProducts.slice(0, 1).map((args) => ({ name: 'upsertProduct', args })));
    const clientID = `fo-${randomBytes(4).toString('hex')}`;
    const push = async (id: number) => {
      const args = { id: `${clientID}-${id}`, channel: 'takeaway', customer: { name: 'Bench' }, items: [{ id: 'l1', productId: demoProducts[0]?.id, quantity: 1 }], at: Date.now() };
      const body = { pushVersion: 1, clientGroupID: clientID, schemaVersion: '1', mutations: [{ id, clientID, name: 'createOrder', args, timestamp: Date.now() }] };
      const res = await fetch(`${server.url}/api/replicache/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tenant.manager}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).catch(() => undefined);
      await res?.text();
      return res?.status ?? 0;
    };
    let id = 1;
    for (; id <= 50; id++) if ((await push(id)) !== 200) throw new Error('pushes fail before the failover');
    // A client retrying every 5 ms, as the primary dies and the standby is promoted.
    const answers: { status: number; at: number }[] = [];
    let running = true;
    const client = (async () => {
      while (running) {
        const status = await push(id);
        answers.push({ status, at: performance.now() });
        if (status === 200) id += 1;
        await sleep(5);
      }
    })();
    await sleep(200);
    const killedAt = performance.now();
    await pairAsync('kill', String(primary));
    await pairAsync('promote', String(standby));
    const promotionMs = performance.now() - killedAt;
    [primary, standby] = [standby, primary];
    const after = () => answers.filter((a) => a.at >= killedAt);
    // A push committed just before the kill may be answered just after it: the outage starts at the first refusal.
    const firstSaved = () => {
      const outage = after().find((a) => a.status !== 200)?.at;
      return outage === undefined ? undefined : after().find((a) => a.at > outage && a.status === 200);
    };
    while (!firstSaved() && performance.now() - killedAt < 30_000) await sleep(10);
    running = false;
    await client;
    const saved = firstSaved();
    if (!saved) throw new Error('no push saved within 30 s of the failover');
    return {
      primaryDeathToFirstSavedPushMs: Math.round(saved.at - killedAt),
      promotionMs: Math.round(promotionMs),
      pushesRefused: after().filter((a) => a.at <= saved.at && a.status !== 200).length,
      pushesSavedBefore: 50,
    };
  } finally {
    await server.stop();
    [primary] = pair('ensure').split(' ').map(Number) as [number, number];
    await onPort(primary, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}
