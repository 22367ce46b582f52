import { describe, expect, it } from 'vitest';
import { idSchema } from '../schema.ts';
import { customerIdFor } from './customers.ts';

describe('customerIdFor', () => {
  it('the same phone written two ways is the same customer', () => {
    expect(customerIdFor({ name: 'Ada', phone: '+44 1234' })).toBe(customerIdFor({ name: 'A', phone: '0044-1234' }));
  });

  it('without a phone, the email identifies the customer, whatever its case', () => {
    expect(customerIdFor({ name: 'Ada', email: 'Ada@Example.com' })).toBe(customerIdFor({ name: 'A', email: 'ada@example.com' }));
    expect(customerIdFor({ name: 'Ada', email: 'ada@example.com', phone: '123' })).toBe('ph123');
  });

  it('a customer with neither phone nor email has no id', () => {
    expect(customerIdFor({ name: 'Walk-in' })).toBeUndefined();
  });

  it('every derived id is a valid id, however the phone or email is written', () => {
    for (const details of [
      { name: 'A', phone: '+44 (0) 20 +7946' },
      { name: 'A', phone: '++1' },
      { name: 'A', email: 'o.brien+tag@example.co.uk' },
      { name: 'A', email: `${'x'.repeat(180)}@example.com` },
    ]) {
      expect(idSchema.safeParse(customerIdFor(details)).success, JSON.stringify(details)).toBe(true);
    }
  });
});
