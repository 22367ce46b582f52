import { describe, expect, it } from 'vitest';
import { contractId, kitchenOrderId, orderKey, parseKey, rejectionKey, ticketIdParts } from './keys.ts';
import { derivedIdSchema } from './schema.ts';

describe('replica keys', () => {
  it('a key splits back into its kind and id', () => {
    expect(parseKey(orderKey('o1'))).toEqual({ kind: 'order', id: 'o1' });
    expect(parseKey(rejectionKey('client-1', 4))).toEqual({ kind: 'rejection', id: 'client-1/4' });
  });

  it('keys outside the layout, or with no id, are not parsed', () => {
    expect(parseKey('order/')).toBeUndefined();
    expect(parseKey('secret/x')).toBeUndefined();
  });

  it('derived ids come only from their inputs, so client and server write the same keys', () => {
    expect(contractId('o1', 2)).toBe('o1.v2');
    expect(kitchenOrderId(contractId('o1', 2), 'grill-1')).toBe('o1.v2.grill-1');
    expect(derivedIdSchema.safeParse(kitchenOrderId(contractId('o_1-x', 10), 'st-9')).success).toBe(true);
  });

  it('course 1 keeps the ticket id it always had; a later course of the same station gets its own', () => {
    expect(kitchenOrderId('o1.v1', 'grill-1', 1)).toBe('o1.v1.grill-1');
    expect(kitchenOrderId('o1.v1', 'grill-1', 2)).toBe('o1.v1.grill-1.c2');
    expect(derivedIdSchema.safeParse(kitchenOrderId('o1.v1', 'grill-1', 9)).success).toBe(true);
  });

  it("one contract's ticket prefix never matches another version's tickets", () => {
    expect(kitchenOrderId(contractId('o1', 10), 's').startsWith(`${contractId('o1', 1)}.`)).toBe(false);
  });

  it('a ticket id names the order and station it was made from, as far as their own ids allow', () => {
    expect(ticketIdParts(kitchenOrderId(contractId('o1', 2), 'grill-1'))).toEqual({ orderId: 'o1', stationId: 'grill-1' });
    expect(ticketIdParts(kitchenOrderId(contractId('o-7', 10), 'fry', 3))).toEqual({ orderId: 'o-7', stationId: 'fry' });
    // Separators inside the ids make it a guess (a read hint, never a rule), and never a throw.
    expect(ticketIdParts(kitchenOrderId(contractId('a.v1.b', 1), 's'))).toEqual({ orderId: 'a.v1.b', stationId: 's' });
    expect(ticketIdParts('not-a-ticket')).toBeUndefined();
  });
});
