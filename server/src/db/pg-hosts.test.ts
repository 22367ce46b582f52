import { describe, expect, it } from 'vitest';
import { parsePgHosts } from './pg-hosts.ts';

describe('multi-host DATABASE_URL (libpq semantics)', () => {
  it('splits the hosts into single-host URLs, keeping credentials, database and other parameters', () => {
    const parsed = parsePgHosts('postgres://ks:p%40ss@h1:5432,h2:5433,[::1]/kitchen?target_session_attrs=read-write&application_name=ks');
    expect(parsed.needsWritable).toBe(true);
    expect(parsed.hosts).toEqual([
      { host: 'h1', port: 5432, url: 'postgres://ks:p%40ss@h1:5432/kitchen?application_name=ks' },
      { host: 'h2', port: 5433, url: 'postgres://ks:p%40ss@h2:5433/kitchen?application_name=ks' },
      { host: '[::1]', port: 5432, url: 'postgres://ks:p%40ss@[::1]:5432/kitchen?application_name=ks' },
    ]);
  });

  it('reads a plain single-host URL as one host that may be a standby', () => {
    expect(parsePgHosts('postgresql://u@db/x')).toEqual({ hosts: [{ host: 'db', port: 5432, url: 'postgresql://u@db:5432/x' }], needsWritable: false });
    expect(parsePgHosts('postgres://u@a,b/x?target_session_attrs=primary').needsWritable).toBe(true);
  });

  it('refuses target_session_attrs it cannot honour and malformed hosts', () => {
    expect(() => parsePgHosts('postgres://a/x?target_session_attrs=standby')).toThrow(/not supported/);
    expect(() => parsePgHosts('postgres://a:port/x')).toThrow(/bad host/);
  });
});
