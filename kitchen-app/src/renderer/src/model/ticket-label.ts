import type { KitchenOrder } from '@kitchensync/shared';

/** A short, speakable ticket number from the order id: "#7F3A". */
export function ticketNumber(orderId: string): string {
  const clean = orderId.replace(/[^A-Za-z0-9]/g, '');
  return `#${clean.slice(-4).toUpperCase()}`;
}

export const channelLabel: Record<KitchenOrder['channel'], string> = {
  dine_in: 'Dine-in',
  takeaway: 'Takeaway',
  delivery: 'Delivery',
  online: 'Online',
};
