import { idSchema } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('ids', () => {
  it('new ids pass the shared id schema and do not repeat', () => {
    const ids = Array.from({ length: 200 }, () => newId('o'));
    expect(new Set(ids).size).toBe(200);
    for (const id of ids) expect(idSchema.safeParse(id).success).toBe(true);
  });
});
