import { describe, expect, it } from 'vitest';
import { estimateChrome, estimateItem } from './card-height.ts';
import { expoCardHeights } from './expo-height.ts';
import { expoOrders } from './expo.ts';
import { item, ticket } from './fixtures.ts';

describe('first guesses at card heights', () => {
  it('an item grows with every line it shows: modifiers, notes, a guest allergy', () => {
    const plain = estimateItem(item({ id: 'a' }), 330);
    const busy = estimateItem(item({ id: 'b', modifiers: ['no onion', 'extra cheese'], notes: 'SEVERE coeliac – change gloves', guestAllergy: 'sesame' }), 330);
    expect(busy).toBeGreaterThan(plain + 4 * 20);
  });
  it('a long name in a narrow column takes more lines than in a wide one', () => {
    const long = item({ id: 'a', name: 'Slow-roasted pork belly with apple and fennel slaw' });
    expect(estimateItem(long, 300)).toBeGreaterThan(estimateItem(long, 600));
  });
  it('a guest allergy, a void or a HELD line makes the card’s fixed part taller', () => {
    const base = estimateChrome(ticket({ id: 't' }), 330);
    expect(estimateChrome(ticket({ id: 't', guestAllergies: ['peanut'] }), 330)).toBeGreaterThan(base);
    expect(estimateChrome(ticket({ id: 't', status: 'cancelled' }), 330)).toBeGreaterThan(base);
    expect(estimateChrome(ticket({ id: 't', status: 'held' }), 330)).toBeGreaterThan(base);
  });
  it('an expo card has a block per ticket (taller when its items wrap), one for "all in" and one per held course', () => {
    const [o] = expoOrders([ticket({ id: 'o.v1.grill-1', orderId: 'o', status: 'ready' }), ticket({ id: 'o.v1.grill-1.c2', orderId: 'o', status: 'held', course: 2 })], () => undefined);
    expect(expoCardHeights(o!, false, 300).items).toHaveLength(3);
    expect(expoCardHeights(o!, true, 300).chrome).toBeGreaterThan(expoCardHeights(o!, false, 300).chrome);
    const long = (id: string) => item({ id, name: 'Slow-roasted pork belly with apple slaw' });
    const [two] = expoOrders([ticket({ id: 'p.v1.grill-1', orderId: 'p', items: [long('a'), long('b'), long('c')] })], () => undefined);
    expect(expoCardHeights(two!, false, 300).items[0]).toBeGreaterThan(expoCardHeights(o!, false, 300).items[0]!);
  });
});
