import { demoProducts, demoStations } from '@kitchensync/shared';
import { RawClient } from '../lib/raw-client.ts';
import { benchTenant, type ServerProcess } from '../lib/server-process.ts';

export interface TenantTokens {
  tenantId: string;
  manager: string;
  kitchen: string;
}

/**
 * `count` restaurants with the demo menu and stations, `parallel` at a time. Allergens are left off
 * (an allergen ticket waits for the cook's acknowledgement, which the rush does not model) and the
 * stations' capacity is high enough that no order is refused for a full line.
 */
export async function createRestaurants(server: ServerProcess, count: number, parallel = 16): Promise<TenantTokens[]> {
  const tenants: TenantTokens[] = [];
  const seed = [
    ...demoProducts.map((args) => ({ name: 'upsertProduct', args: { ...args, allergens: [] } })),
    ...demoStations.map((args) => ({ name: 'upsertStation', args: { ...args, capacity: 1000 } })),
  ];
  for (let i = 0; i < count; i += parallel) {
    const made = await Promise.all(
      Array.from({ length: Math.min(parallel, count - i) }, async (_, k) => {
        const tenant = await benchTenant(server, `restaurant ${i + k + 1}`);
        await new RawClient(server.url, tenant.manager).push(seed);
        return tenant;
      }),
    );
    tenants.push(...made);
  }
  return tenants;
}
