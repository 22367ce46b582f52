import type { Product, Station } from '@kitchensync/shared';
import type { Queryable } from './database.ts';
import { findEntity } from './entities.ts';

export async function listProducts(q: Queryable, tenantId: string, f: { active?: boolean | undefined; category?: string | undefined }): Promise<Product[]> {
  const { rows } = await q.query<{ data: Product }>(
    `SELECT data FROM products
     WHERE tenant_id = $1 AND ($2::boolean IS NULL OR (data->>'active')::boolean = $2::boolean)
       AND ($3::text IS NULL OR data->>'category' = $3::text)
     ORDER BY data->>'category', data->>'name', id`,
    [tenantId, f.active ?? null, f.category ?? null],
  );
  return rows.map((r) => r.data);
}

export const findProduct = (q: Queryable, tenantId: string, id: string) => findEntity<Product>(q, tenantId, 'product', id);

export async function listStations(q: Queryable, tenantId: string, f: { active?: boolean | undefined; type?: string | undefined }): Promise<Station[]> {
  const { rows } = await q.query<{ data: Station }>(
    `SELECT data FROM stations
     WHERE tenant_id = $1 AND ($2::boolean IS NULL OR (data->>'active')::boolean = $2::boolean)
       AND ($3::text IS NULL OR data->>'type' = $3::text)
     ORDER BY data->>'type', id`,
    [tenantId, f.active ?? null, f.type ?? null],
  );
  return rows.map((r) => r.data);
}

export const findStation = (q: Queryable, tenantId: string, id: string) => findEntity<Station>(q, tenantId, 'station', id);
