import type { KitchenItem, KitchenOrder, ProductionContract, Station } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { consumption, contractsOfOrder, progressByStation, staleRecipes, stationLoad } from './kitchen.ts';

const item = (id: string, patch: Partial<KitchenItem> = {}): KitchenItem => ({
  id, productId: 'burger', name: 'Burger', quantity: 1, status: 'pending', modifiers: [], allergens: [], steps: [], prepSeconds: 60, ingredients: [], ...patch,
});
const ticket = (id: string, stationId: string, items: KitchenItem[], patch: Partial<KitchenOrder> = {}): KitchenOrder => ({
  id, orderId: 'o1', contractId: id.split('.').slice(0, 2).join('.'), contractVersion: 1, stationId, stationType: stationId.split('-')[0] ?? '',
  channel: 'dine_in', priority: 3, status: 'queued', items, allergens: [], createdAt: 1, etaAt: 2, updatedAt: 1, ...patch,
});
const stations = new Map<string, Station>([['grill-1', { id: 'grill-1', name: 'Grill 1', type: 'grill', capacity: 4, active: true, openTickets: 1 }]]);

describe('kitchen view model', () => {
  it('progress per station counts done portions of the current contract only', () => {
    const tickets = [
      ticket('o1.v1.grill-1', 'grill-1', [item('l1', { status: 'done', quantity: 2 })], { status: 'cancelled' }),
      ticket('o1.v2.grill-1', 'grill-1', [item('l1', { status: 'done', quantity: 2 }), item('l2')], { status: 'in_progress' }),
      ticket('o1.v2.fry-1', 'fry-1', [item('l3')]),
      ticket('o2.v2.fry-1', 'fry-1', [item('l3')], { orderId: 'o2' }),
    ];
    const progress = progressByStation({ id: 'o1', contractVersion: 2 }, tickets, stations);
    expect(progress.map((p) => [p.ticketId, p.stationName, p.done, p.total])).toEqual([
      ['o1.v2.fry-1', 'fry-1', 0, 1],
      ['o1.v2.grill-1', 'Grill 1', 2, 3],
    ]);
    expect(progressByStation({ id: 'o1' }, tickets, stations)).toEqual([]);
  });

  it('contracts are listed newest version first', () => {
    const c = (version: number, orderId = 'o1') => ({ id: `${orderId}.v${version}`, orderId, version }) as ProductionContract;
    expect(contractsOfOrder([c(1), c(2), c(1, 'o2')], 'o1').map((x) => x.id)).toEqual(['o1.v2', 'o1.v1']);
  });

  it('a contract is stale when a product’s recipe moved on since it was issued', () => {
    const contract = { groups: [{ stationType: 'grill', prepSeconds: 1, items: [{ productId: 'burger', name: 'Burger', recipeVersion: 1 }] }] } as unknown as ProductionContract;
    expect(staleRecipes(contract, () => 2)).toEqual(['Burger']);
    expect(staleRecipes(contract, () => 1)).toEqual([]);
    expect(staleRecipes(undefined, () => 2)).toEqual([]);
  });

  it('consumption sums what items completed in the range used, counting a carried item once', () => {
    const used = [{ name: 'potatoes', quantity: 200, unit: 'g' }];
    const done = item('l1', { status: 'done', doneAt: 50, consumed: used });
    const tickets = [
      ticket('o1.v1.fry-1', 'fry-1', [done], { status: 'cancelled' }),
      ticket('o1.v2.fry-1', 'fry-1', [done]),
      ticket('o2.v1.fry-1', 'fry-1', [item('l1', { status: 'done', doneAt: 60, consumed: [{ name: 'Potatoes', quantity: 100, unit: 'g' }] })], { orderId: 'o2' }),
      ticket('o3.v1.fry-1', 'fry-1', [item('l1', { status: 'done', doneAt: 500, consumed: used })], { orderId: 'o3' }),
    ];
    expect(consumption(tickets, 0, 100)).toEqual([{ name: 'potatoes', unit: 'g', quantity: 300 }]);
  });

  it('station load compares open tickets with capacity', () => {
    expect(stationLoad({ openTickets: 0, capacity: 4 })).toEqual({ ratio: 0, level: 'idle' });
    expect(stationLoad({ openTickets: 1, capacity: 4 }).level).toBe('normal');
    expect(stationLoad({ openTickets: 3, capacity: 4 }).level).toBe('busy');
    expect(stationLoad({ openTickets: 5, capacity: 4 }).level).toBe('full');
  });
});
