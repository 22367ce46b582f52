import { describe, expect, it } from 'vitest';
import { clientSchemaVersion, minClientSchemaVersion } from '@kitchensync/shared';
import { loadEnv } from './env.ts';

describe('environment', () => {
  it('defaults to the public contract', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 8787, HOST: '127.0.0.1', PUSH_BODY_LIMIT: 16 * 1024 * 1024, PUSH_MUTATION_CAP: 1000, RATE_LIMIT_RPS: 200 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('refuses nonsense with a message naming the variable', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ PUSH_MUTATION_CAP: '0' })).toThrow(/PUSH_MUTATION_CAP/);
  });

  it('bounds how long a request may take to arrive: tens of seconds by default, headers within the whole', () => {
    expect(loadEnv({})).toMatchObject({ HTTP_REQUEST_TIMEOUT_MS: 30_000, HTTP_HEADERS_TIMEOUT_MS: 10_000 });
    expect(loadEnv({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '2000' })).toMatchObject({ HTTP_REQUEST_TIMEOUT_MS: 5000 });
    expect(() => loadEnv({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '9000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });

  it('makes a restaurant hub only from a cloud URL and a hub token together', () => {
    expect(loadEnv({}).HUB_UPSTREAM).toBeUndefined();
    const hub = loadEnv({ HUB_UPSTREAM: 'https://cloud.example.com/', HUB_TOKEN: 'ks_hub_abcdefghijklmnop' });
    expect(hub).toMatchObject({ HUB_UPSTREAM: 'https://cloud.example.com', HUB_PULL_INTERVAL_MS: 30_000 });
    expect(() => loadEnv({ HUB_UPSTREAM: 'https://cloud.example.com' })).toThrow(/HUB_TOKEN/);
    expect(() => loadEnv({ HUB_TOKEN: 'ks_hub_abcdefghijklmnop' })).toThrow(/HUB_TOKEN/);
    expect(() => loadEnv({ HUB_UPSTREAM: 'ftp://cloud', HUB_TOKEN: 'ks_hub_abcdefghijklmnop' })).toThrow(/HUB_UPSTREAM/);
  });

  it('serves clients from this build’s floor unless the operator raises MIN_CLIENT_SCHEMA_VERSION, never above its own schema', () => {
    expect(loadEnv({}).MIN_CLIENT_SCHEMA_VERSION).toBe(minClientSchemaVersion);
    expect(loadEnv({ MIN_CLIENT_SCHEMA_VERSION: String(clientSchemaVersion) }).MIN_CLIENT_SCHEMA_VERSION).toBe(clientSchemaVersion);
    expect(() => loadEnv({ MIN_CLIENT_SCHEMA_VERSION: String(clientSchemaVersion + 1) })).toThrow(/MIN_CLIENT_SCHEMA_VERSION/);
    expect(() => loadEnv({ MIN_CLIENT_SCHEMA_VERSION: '0' })).toThrow(/MIN_CLIENT_SCHEMA_VERSION/);
  });

  it('lets any page call the sync endpoints unless CORS_ORIGINS lists the allowed origins', () => {
    expect(loadEnv({}).CORS_ORIGINS).toBe('*');
    expect(loadEnv({ CORS_ORIGINS: 'http://hub.local:8787,https://cloud.example.com' }).CORS_ORIGINS).toEqual(['http://hub.local:8787', 'https://cloud.example.com']);
    expect(() => loadEnv({ CORS_ORIGINS: 'https://cloud.example.com/kitchen' })).toThrow(/CORS_ORIGINS/);
  });
});
