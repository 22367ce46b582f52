import { clientSchemaVersion, minClientSchemaVersion } from '@kitchensync/shared';
import { z } from 'zod';
import { parseCorsOrigins, type CorsOrigins } from './http/cors.ts';

const intFromEnv = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: intFromEnv(8787).pipe(z.number().max(65535)),
  HOST: z.string().default('127.0.0.1'),
  /** unset → PGlite in DATA_DIR; memory:// → PGlite in memory; postgres://… → Postgres. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./.data'),
  ADMIN_TOKEN: z.string().min(16).optional(),
  PUSH_BODY_LIMIT: intFromEnv(16 * 1024 * 1024),
  PUSH_MUTATION_CAP: intFromEnv(1000).pipe(z.number().min(1)),
  RATE_LIMIT_RPS: intFromEnv(200),
  RATE_LIMIT_BURST: intFromEnv(400),
  WS_HEARTBEAT_MS: intFromEnv(30_000).pipe(z.number().min(100)),
  /** Time to receive a whole request, body included (a trickling body is cut off with 408). */
  HTTP_REQUEST_TIMEOUT_MS: intFromEnv(30_000).pipe(z.number().min(100)),
  /** Time to receive the request headers. */
  HTTP_HEADERS_TIMEOUT_MS: intFromEnv(10_000).pipe(z.number().min(100)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Set → this server is a restaurant hub of the cloud at this URL (with HUB_TOKEN, a `hub` token). */
  HUB_UPSTREAM: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')).optional(),
  HUB_TOKEN: z.string().min(16).optional(),
  /** The hub's backstop pull of the cloud, besides the cloud's pokes. */
  HUB_PULL_INTERVAL_MS: intFromEnv(30_000).pipe(z.number().min(100)),
  /** `on` → this server runs the print agent: it delivers print jobs to the printers it can reach (a hub, or a one-restaurant install). */
  PRINT_AGENT: z.enum(['on', 'off']).default('off'),
  /** The agent looks for jobs on every commit's poke; this poll is the backstop (a missed poke, retries after a backoff). */
  PRINT_AGENT_POLL_MS: intFromEnv(1000).pipe(z.number().min(10)),
  /** Deadline of each step of a delivery: connect, status, send. */
  PRINT_AGENT_TIMEOUT_MS: intFromEnv(3000).pipe(z.number().min(100)),
  /** A job another agent left "printing" this long is taken over as a possible duplicate. */
  PRINT_AGENT_LEASE_MS: intFromEnv(15_000).pipe(z.number().min(100)),
  /**
   * The oldest client schemaVersion served (default: this build's floor). Raised by the operator to
   * stop serving older apps: they are told VersionNotSupported and ask to be updated.
   */
  MIN_CLIENT_SCHEMA_VERSION: z.coerce.number().int().min(minClientSchemaVersion).max(clientSchemaVersion).default(minClientSchemaVersion),
  /** Pages allowed to call the sync endpoints cross-origin (a screen moving between hub and cloud): `*` or a comma-separated list. */
  CORS_ORIGINS: z
    .string()
    .default('*')
    .transform((raw, ctx): CorsOrigins => {
      const origins = parseCorsOrigins(raw);
      if (origins) return origins;
      ctx.addIssue({ code: 'custom', message: '`*` or comma-separated http(s) origins' });
      return z.NEVER;
    }),
});

export type Env = z.infer<typeof envSchema>;

const checkedEnv = envSchema
  .refine((e) => e.HTTP_HEADERS_TIMEOUT_MS <= e.HTTP_REQUEST_TIMEOUT_MS, {
    path: ['HTTP_HEADERS_TIMEOUT_MS'],
    message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS',
  })
  .refine((e) => (e.HUB_UPSTREAM === undefined) === (e.HUB_TOKEN === undefined), {
    path: ['HUB_TOKEN'],
    message: 'HUB_UPSTREAM and HUB_TOKEN go together',
  });

/** The only place that reads process.env. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = checkedEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const isProduction = (env: Env) => env.NODE_ENV === 'production';
