// Runs: CI runs every property here 150 times (FC_RUNS unset); each run replays 13 to 56
// mutator calls (three orders placed up front, then random calls). FC_RUNS=n overrides the count.
// The coverage guard at the end always replays the same 150 sequences (seed 42).
import fc from 'fast-check';
import type { DomainEvent } from '@kitchensync/shared';
import { isDomainError, orderStatuses, type DomainErrorCode } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import {
  checkAssignments,
  checkRefusal,
  checkStates,
  checkStationLoad,
  checkStatusEvents,
  checkTotals,
  violated,
} from './support/invariants.ts';
import { intentsArb, type Intent } from './support/kitchen-model.ts';
import { replay, type Step } from './support/replay.ts';
import { fcRuns } from './support/runs.ts';
import { StoreView } from './support/store-view.ts';

const numRuns = fcRuns(150);

/** Replays random call sequences over the model's menu and kitchen, checking every step. */
function everyStep(check: (step: Step) => void): Promise<void> {
  return fc.assert(
    fc.asyncProperty(intentsArb, async (intents) => {
      await replay(intents, check);
    }),
    { numRuns },
  );
}

const afterSuccess = (check: (step: Step, events: DomainEvent[]) => void) => (step: Step) => {
  if ('events' in step.outcome) check(step, step.outcome.events);
};

const view = (step: Step) => new StoreView(step.tx.entries());

describe('random sequences of mutator calls', () => {
  it('never leave an order, kitchen order or item in a state the tables forbid', () =>
    everyStep(afterSuccess((step) => checkStates(view(step)))));

  it('report only status changes their table allows, and every status change they make', () =>
    everyStep(afterSuccess(checkStatusEvents)));

  it('keep every order total equal to the sum of its lines', () => everyStep(afterSuccess((step) => checkTotals(view(step)))));

  it('leave the store byte-for-byte unchanged when a call is refused', () =>
    everyStep((step) => {
      if ('error' in step.outcome) checkRefusal(step, step.outcome.error);
    }));

  it("keep each station's openTickets equal to its queued and in-progress tickets", () =>
    everyStep(afterSuccess((step) => checkStationLoad(view(step)))));

  it('put new tickets only on active stations of their type, never past capacity while a sibling has room', () =>
    everyStep(afterSuccess(checkAssignments)));

  it("record an item's ingredient consumption once, however often it is finished, bumped or re-issued", () =>
    fc.assert(
      fc.asyncProperty(intentsArb, async (intents) => {
        const consumed = new Set<string>();
        await replay(
          intents,
          afterSuccess((_step, events) => {
            for (const e of events) {
              if (e.type !== 'ingredients.consumed') continue;
              const item = `${e.orderId}/${e.itemId}`;
              if (consumed.has(item)) violated('an item consumed its ingredients twice', e);
              consumed.add(item);
            }
          }),
        );
      }),
      { numRuns },
    ));

  it('reach every mutator, every order status and every refusal code (fixed seed, so never flaky)', async () => {
    const seen = new Set<string>();
    for (const intents of fc.sample(intentsArb, { numRuns: 150, seed: 42 })) {
      await replay(intents, (step) => {
        const outcome = step.outcome;
        if ('error' in outcome) seen.add(isDomainError(outcome.error) ? outcome.error.code : 'crash');
        else seen.add(step.intent.kind);
        for (const order of new StoreView(step.tx.entries()).orders.values()) seen.add(order.status);
      });
    }
    const kinds: Intent['kind'][] = ['createOrder', 'confirmOrder', 'setOrderStatus', 'cancelOrder', 'reissueContract', 'setKitchenItemStatus', 'bumpKitchenOrder', 'recallKitchenOrder', 'upsertProduct', 'upsertStation', 'dismissRejection', 'fireCourse', 'setProductSoldOut', 'handOffOrder', 'setOrderRush'];
    const codes: DomainErrorCode[] = ['illegal_transition', 'not_found', 'invalid_args', 'already_exists', 'no_station', 'sold_out'];
    expect([...kinds, ...orderStatuses, ...codes].filter((k) => !seen.has(k))).toEqual([]);
  });
});
