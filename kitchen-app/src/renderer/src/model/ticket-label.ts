import type { KitchenOrder } from '@kitchensync/shared';

/** A short, speakable ticket number from the order id: "#7F3A". */
export { orderNumber as ticketNumber } from '@kitchensync/shared';

export const channelLabel: Record<KitchenOrder['channel'], string> = {
  dine_in: 'Dine-in',
  takeaway: 'Takeaway',
  delivery: 'Delivery',
  online: 'Online',
};
