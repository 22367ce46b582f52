import { DomainError } from '../errors.ts';
import { orderKey } from '../keys.ts';
import { kitchenOrderMachine } from '../machines/kitchen-order-machine.ts';
import { fireCourseArgsSchema, type Order } from '../schema.ts';
import { readOrFail } from '../tx.ts';
import { defineMutator } from './args.ts';
import { moveTicket, ticketsOfOrder } from './transitions.ts';
import { printTicket } from '../print/print-jobs.ts';

/**
 * Fires a held course of the order's current contract: its tickets go to the line (queued) and
 * start aging from now. A course with nothing held is refused, so a double tap changes nothing.
 */
export const fireCourse = defineMutator(fireCourseArgsSchema, async (tx, args) => {
  const order = await readOrFail<Order>(tx, orderKey(args.orderId), `order ${args.orderId}`);
  const held = (await ticketsOfOrder(tx, order)).filter(
    (t) => (t.course ?? 1) === args.course && kitchenOrderMachine.allows('fire', t.status, {}),
  );
  if (held.length === 0) {
    throw new DomainError('illegal_transition', `course ${args.course} of order ${order.id} has nothing held to fire`, {
      orderId: order.id,
      course: args.course,
    });
  }
  const moved = [];
  for (const ticket of held) moved.push(await moveTicket(tx, ticket, 'fire', args.at, { firedAt: args.at }));
  for (const { ticket } of moved) await printTicket(tx, ticket, 'course', args.at);
  return [
    ...moved.flatMap((m) => m.events),
    { type: 'course.fired', orderId: order.id, course: args.course, kitchenOrderIds: held.map((t) => t.id) },
  ];
}, (args) => [orderKey(args.orderId)]);
