import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyJSONValue } from '@kitchensync/shared';
import type { Database } from './database.ts';
import { asJsonb } from './jsonb.ts';
import { openPglite } from './pglite.ts';

describe('asJsonb', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite('memory://');
  });
  afterAll(async () => db.close());

  const readBack = async (value: ReadonlyJSONValue) => (await db.query<{ v: ReadonlyJSONValue }>('SELECT $1::jsonb AS v', [JSON.stringify(value)])).rows[0]?.v;

  it('orders every object’s keys as a jsonb column gives them back', async () => {
    const values: ReadonlyJSONValue[] = [
      { name: 'Soup', id: 'p1', priceCents: 650, active: true, allergens: ['egg', 'milk'], recipeVersion: 1 },
      { zz: 1, b: 2, aaa: 3, a: 4, ab: 5, ba: 6 },
      { 'é': 1, e: 2, 'f': 3, '日本': 4, '😀': 5, ee: 6, 'éé': 7 },
      { b: 1, '10': 2, '2': 3, a: [{ y: 1, x: { d: 1, c: 2 } }, 'z', null, 1.5] },
      [],
      {},
      'text',
      12,
      null,
    ];
    for (const value of values) expect(JSON.stringify(asJsonb(value))).toBe(JSON.stringify(await readBack(value)));
    expect(asJsonb(values[0] as ReadonlyJSONValue)).toEqual(values[0]);
  });
});
