import { describe, expect, it } from 'vitest';
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
});
