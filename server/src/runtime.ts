import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { resolveAdminToken } from './admin/admin-token.ts';
import { newMetrics } from './api/metrics.ts';
import { RateMeter } from './api/rate-meter.ts';
import { createApp } from './app.ts';
import { TokenResolver } from './auth/principal.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { retryWhileUnavailable } from './db/retry.ts';
import { openDatabase } from './db/open.ts';
import { lockDataDir } from './db/data-dir-lock.ts';
import type { Env } from './env.ts';
import { answerClientErrors } from './http/client-error.ts';
import { drainHttp } from './http/drain.ts';
import { HubSync } from './hub/hub-sync.ts';
import { newId } from './auth/tokens.ts';
import { hubAgentWriter, localAgentWriter } from './print/agent-writers.ts';
import { PrintAgent } from './print/print-agent.ts';
import { ScreenPresence } from './screens/screen-presence.ts';
import { channels } from './sync/notify.ts';
import { tenantDeletedChannel } from './admin/tenant-lifecycle.ts';
import { closeCodes, attachWebSocket } from './sync/websocket.ts';
import { collectGarbage } from './sync/gc.ts';
import { currentEpoch } from './sync/restore-epochs.ts';
import { watchRestores } from './sync/restore-watch.ts';
import { SyncEngine } from './sync/sync-engine.ts';
import { PokeHub, SocketRegistry } from './sync/sockets.ts';
import { seedDemoIfEmpty, type DemoTenant } from './seed/demo.ts';

export interface Running {
  readonly url: string;
  readonly db: Database;
  /** This process's sync engine (tests push through it directly). */
  readonly engine: SyncEngine;
  readonly adminToken: string;
  readonly adminTokenGenerated: boolean;
  readonly demo: DemoTenant | undefined;
  readonly registry: SocketRegistry;
  readonly server: Server;
  /** The link to the cloud when this server runs as a restaurant hub. */
  readonly hub: HubSync | undefined;
  close(): Promise<void>;
}

const gcEveryMs = 60 * 60_000;
/** How long a shutdown waits for requests in flight (well within the 30 s an orchestrator gives before SIGKILL). */
const shutdownGraceMs = 5_000;

/** Opens the database, migrates, seeds a demo on an empty one, and serves HTTP and WebSocket on one port. */
export async function startKitchensync(env: Env, logger: Logger): Promise<Running> {
  const unlock = env.DATABASE_URL ? () => undefined : lockDataDir(env.DATA_DIR);
  const db = await openDatabase(env.DATABASE_URL, env.DATA_DIR);
  // Postgres may be down or failing over when we start: wait for it rather than exit.
  const waitLog = (err: unknown, delayMs: number) => logger.warn({ err: (err as Error).message, retryInMs: delayMs }, 'database unreachable at start; retrying');
  await retryWhileUnavailable(() => migrate(db), waitLog);
  const relayFailed = (err: unknown) => logger.error({ err }, "a poke's NOTIFY failed: other processes' screens of its tenant wait for their next poke");
  const engine = new SyncEngine(db, await retryWhileUnavailable(() => currentEpoch(db), waitLog), env.MIN_CLIENT_SCHEMA_VERSION, relayFailed);
  // A hub's tenant comes from its cloud, never from a demo seed.
  const demo = env.SEED_DEMO === 'true' && !env.HUB_UPSTREAM ? await retryWhileUnavailable(() => seedDemoIfEmpty(engine), waitLog) : undefined;
  const admin = resolveAdminToken(env);
  const resolver = new TokenResolver(db, admin.token);
  // After a LISTEN gap, revocations may have been missed (and a restore may have undone tokens): resolve every token afresh.
  engine.onReconnect(() => resolver.forgetAll());
  watchRestores(engine, logger);
  const registry = new SocketRegistry();
  const meter = new RateMeter(registry);
  const hub = new PokeHub(registry);
  await hub.start(engine, {
    onRevoke: (tokenId) => {
      resolver.forgetToken(tokenId);
      registry.closeToken(tokenId, closeCodes.revoked, 'token revoked');
    },
  });
  const forgetDeletedTenants = await db.listen(tenantDeletedChannel, (payload) => {
    const tenantId = JSON.parse(payload) as string;
    resolver.forgetTenant(tenantId);
    for (const conn of registry.ofTenant(tenantId)) conn.socket.close(closeCodes.revoked, 'tenant deleted');
  });
  const hubSync = env.HUB_UPSTREAM && env.HUB_TOKEN
    ? new HubSync(engine, { upstreamUrl: env.HUB_UPSTREAM, token: env.HUB_TOKEN, pullIntervalMs: env.HUB_PULL_INTERVAL_MS, mutationCap: env.PUSH_MUTATION_CAP }, logger)
    : undefined;
  await hubSync?.start();
  const agentId = newId('agent');
  // At a hub the agent's word on a job goes through the hub's link, so the cloud learns it (README "Kitchen printers").
  const agentWriter = hubSync && env.HUB_TOKEN ? hubAgentWriter(hubSync, db, env.HUB_TOKEN, logger) : localAgentWriter(engine, agentId, logger);
  const printAgent = env.PRINT_AGENT === 'on'
    ? new PrintAgent(db, agentWriter, { agentId, pollMs: env.PRINT_AGENT_POLL_MS, timeoutMs: env.PRINT_AGENT_TIMEOUT_MS, leaseMs: env.PRINT_AGENT_LEASE_MS }, logger)
    : undefined;
  printAgent?.start();
  // Every commit pokes (NOTIFY, from any process, and the hub's mirror too): a fired ticket is looked at at once.
  const stopWaking = printAgent ? await db.listen(channels.poke, () => printAgent.wake()) : undefined;
  const metrics = newMetrics();
  const app = createApp({ db, engine, env, logger, resolver, registry, meter, metrics, ...(hubSync ? { hub: hubSync } : {}) });
  // Node checks these timeouts only every connectionsCheckingInterval (30 s by default). A request
  // without Host is refused by the app (http/request-target.ts), with a JSON body Node's refusal lacks.
  const server = createServer(
    { requestTimeout: env.HTTP_REQUEST_TIMEOUT_MS, headersTimeout: env.HTTP_HEADERS_TIMEOUT_MS, connectionsCheckingInterval: 1000, requireHostHeader: false },
    app,
  );
  answerClientErrors(server);
  // Which stations each kitchen screen shows, for the print agent's backup mode (in this process or another).
  const presence = new ScreenPresence(db, logger, metrics);
  presence.start();
  const ws = attachWebSocket(server, resolver, registry, env.WS_HEARTBEAT_MS, (conn, frame) => presence.onMessage(conn, frame));
  const gc = setInterval(() => void collectGarbage(db).catch((err: unknown) => logger.error({ err }, 'gc failed')), gcEveryMs);
  gc.unref();
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${env.HOST}:${port}`,
    db,
    engine,
    adminToken: admin.token,
    adminTokenGenerated: admin.generated,
    demo,
    registry,
    server,
    hub: hubSync,
    async close() {
      clearInterval(gc);
      // First no new request, and those in flight answered (their database and hub link still up).
      ws.close();
      await drainHttp(server, shutdownGraceMs);
      await stopWaking?.();
      await printAgent?.stop();
      await hubSync?.stop();
      meter.stop();
      presence.stop();
      await hub.stop();
      await forgetDeletedTenants();
      // The other processes hear of the last commits before the connections close.
      await engine.relay.settled();
      await db.close();
      unlock();
    },
  };
}
