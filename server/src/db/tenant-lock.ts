import { sqlLiteral } from './prepared.ts';

/**
 * The advisory lock that serialises a tenant's writes across every server process: pushes, REST
 * writes, GC and a hub's mirror all take this one. `column` names a SQL expression holding the
 * tenant id; the JS form quotes the id as a literal (it travels in BEGIN's round trip).
 */
export const tenantLockSql = (tenantIdSql: string) => `pg_advisory_xact_lock(hashtext('tenant:' || ${tenantIdSql}))`;

/** The lock statement for one tenant. */
export const lockTenant = (tenantId: string) => `SELECT ${tenantLockSql(sqlLiteral(tenantId))}`;
