import type { KitchenOrder } from '@kitchensync/shared';

/** The order's number as every screen calls it ("#A-12"), from the ticket that carries it. */
export { ticketNumberOf as ticketNumber } from '@kitchensync/shared';

export const channelLabel: Record<KitchenOrder['channel'], string> = {
  dine_in: 'Dine-in',
  takeaway: 'Takeaway',
  delivery: 'Delivery',
  online: 'Online',
};
