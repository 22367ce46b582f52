import type { DomainEvent, MutatorName, ReadonlyJSONValue } from '@kitchensync/shared';
import type { MutationMeta, TenantWrite } from '../sync/tenant-write.ts';
import type { RouteContext } from './route-spec.ts';

/** What a REST handler may do inside the tenant's serialised write. */
export interface RestWrite {
  /** Runs a shared mutator as this request's principal; a refusal throws (and rolls everything back). */
  apply(name: MutatorName, args: unknown): Promise<DomainEvent[]>;
  /** Reads a replica key as the mutators see it, including this request's own writes. */
  get<T>(key: string): Promise<T | undefined>;
  list<T>(prefix: string): Promise<T[]>;
}

function restWrite(write: TenantWrite, meta: MutationMeta): RestWrite {
  return {
    async apply(name, args) {
      const outcome = await write.apply(name, args, meta);
      if (!outcome.ok) throw outcome.error;
      return outcome.events;
    },
    get: async <V>(key: string) => (await write.store.begin().get(key)) as V | undefined,
    list: async <V>(prefix: string) => (await write.store.begin().scan({ prefix }).toArray()) as ReadonlyJSONValue[] as V[],
  };
}

/**
 * REST writes go through the same mutators, the same per-tenant advisory lock and the same audit
 * trail as sync pushes (and may share their transaction); sync clients are poked when it commits.
 * If `fn` refuses (throws), nothing it applied is written.
 */
export function writeThrough<T>(ctx: RouteContext<unknown, unknown, unknown>, fn: (w: RestWrite) => Promise<T>): Promise<T> {
  const meta: MutationMeta = { source: 'rest', principal: ctx.principal, requestId: ctx.requestId };
  return ctx.engine.write(ctx.tenantId, (write) => fn(restWrite(write, meta)));
}
