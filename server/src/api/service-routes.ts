import { kitchenOrderKey, orderSchema, type DomainEvent, type KitchenOrder } from '@kitchensync/shared';
import { changeOrder } from './orders-routes.ts';
import { writeThrough } from './rest-write.ts';
import { defineRoute } from './route-spec.ts';
import { idParams } from './schemas/common-schemas.ts';
import { kitchenOrderListSchema } from './schemas/kitchen-schemas.ts';
import { courseParams, rushBody } from './schemas/order-schemas.ts';

/** The service at the pass: firing held courses, rushing orders and handing them over (expo). Staff of the line may do all three. */
const tag = 'Service';
const staff = ['manager', 'kitchen'] as const;

const firedIds = (events: readonly DomainEvent[]) => events.flatMap((e) => (e.type === 'course.fired' ? e.kitchenOrderIds : []));

export const serviceRoutes = [
  defineRoute({
    method: 'post', path: '/orders/:id/courses/:course/fire', tag, roles: staff, summary: 'Fire a held course',
    description: "Every held kitchen order of that course (of the order's current contract) goes to the line: `queued`, aging from now (`firedAt`). On confirm only course 1 is fired. Nothing of that course held (already fired, or no such course) → 409 `illegal_transition`.",
    params: courseParams,
    success: { status: 200, schema: kitchenOrderListSchema, description: 'the kitchen orders fired' },
    errors: [400, 404, 409],
    handle: (ctx) =>
      writeThrough(ctx, async (w) => {
        const events = await w.apply('fireCourse', { orderId: ctx.params.id, course: ctx.params.course, at: Date.now() });
        const items: KitchenOrder[] = [];
        for (const id of firedIds(events)) items.push((await w.get<KitchenOrder>(kitchenOrderKey(id))) as KitchenOrder);
        return { items, nextCursor: null };
      }),
  }),
  defineRoute({
    method: 'post', path: '/orders/:id/hand-off', tag, roles: staff, summary: 'Hand a ready order over (expo)',
    description: 'Served or picked up (dine-in, takeaway: `delivered`, its kitchen orders completed) or given to the courier (delivery, online: `delivering`), by the order table\'s `hand_off` event. An order that is not ready → 409 `illegal_transition`.',
    params: idParams,
    success: { status: 200, schema: orderSchema, description: 'the order after the hand-off' },
    errors: [400, 404, 409],
    handle: (ctx) => changeOrder(ctx, ctx.params.id, 'handOffOrder', {}),
  }),
  defineRoute({
    method: 'put', path: '/orders/:id/rush', tag, roles: staff, summary: 'Flag an order RUSH (or take the flag off)',
    description: "`{rush: true}` puts the order's tickets first on every kitchen screen (rail, expo, paging), shown as RUSH; `{rush: false}` puts them back in fire order (oldest fired first). Setting the flag it already has changes nothing. An order already handed over or cancelled → 409 `illegal_transition`.",
    params: idParams,
    body: rushBody,
    success: { status: 200, schema: orderSchema, description: 'the order with its `rush` flag' },
    errors: [400, 404, 409],
    handle: (ctx) => changeOrder(ctx, ctx.params.id, 'setOrderRush', { rush: ctx.body.rush }),
  }),
];
