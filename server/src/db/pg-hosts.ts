/**
 * libpq's multi-host connection strings, which `pg` does not read:
 * `postgres://user:pw@h1:5432,h2:5433/db?target_session_attrs=read-write`. Each host becomes a
 * single-host URL `pg` understands; the other parameters are kept on every one of them.
 */
export interface PgHost {
  readonly host: string;
  readonly port: number;
  /** A single-host connection string for this host. */
  readonly url: string;
}

export interface PgHosts {
  readonly hosts: readonly PgHost[];
  /** `read-write` (or libpq's `primary`): only a host that accepts writes will do. */
  readonly needsWritable: boolean;
}

const shape = /^(postgres(?:ql)?):\/\/(?:([^@/?#]*)@)?([^/?#]*)(\/[^?#]*)?(?:\?([^#]*))?$/;

function splitHost(spec: string): { host: string; port: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(spec);
  const [host, port] = bracketed ? [`[${bracketed[1]}]`, bracketed[2]] : (spec.split(':') as [string, string?]);
  if (!host || (port !== undefined && !/^\d{1,5}$/.test(port))) throw new Error(`DATABASE_URL has a bad host: ${spec}`);
  return { host, port: port === undefined ? 5432 : Number(port) };
}

export function parsePgHosts(url: string): PgHosts {
  const match = shape.exec(url);
  if (!match) throw new Error('DATABASE_URL is not a postgres:// URL');
  const [, scheme, userinfo, hostList, path = '', query = ''] = match;
  const params = new URLSearchParams(query);
  const attrs = params.get('target_session_attrs') ?? 'any';
  if (!['any', 'read-write', 'primary'].includes(attrs)) throw new Error(`target_session_attrs=${attrs} is not supported (any, read-write, primary)`);
  params.delete('target_session_attrs');
  const rest = params.toString();
  const hosts = (hostList || 'localhost').split(',').map((spec) => {
    const { host, port } = splitHost(spec);
    return { host, port, url: `${scheme}://${userinfo === undefined ? '' : `${userinfo}@`}${host}:${port}${path}${rest ? `?${rest}` : ''}` };
  });
  return { hosts, needsWritable: attrs !== 'any' };
}
