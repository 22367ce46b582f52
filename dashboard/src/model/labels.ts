import { courseSchema, type Channel, type ItemStatus, type KitchenOrderStatus, type OrderStatus } from '@kitchensync/shared';

export const statusLabel: Record<OrderStatus, string> = {
  draft: 'New',
  confirmed: 'Confirmed',
  in_preparation: 'In preparation',
  ready: 'Ready',
  delivering: 'Out for delivery',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

/** The verb on the button that moves an order to a status. */
export const moveLabel: Record<OrderStatus, string> = {
  draft: 'Back to draft',
  confirmed: 'Confirm',
  in_preparation: 'Start',
  ready: 'Mark ready',
  delivering: 'Send out',
  delivered: 'Hand over',
  cancelled: 'Cancel',
};

export const channelLabel: Record<Channel, string> = {
  dine_in: 'Dine-in',
  takeaway: 'Takeaway',
  delivery: 'Delivery',
  online: 'Online',
};

export const ticketStatusLabel: Record<KitchenOrderStatus, string> = {
  held: 'Held',
  queued: 'Queued',
  in_progress: 'Cooking',
  ready: 'Bumped',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const itemStatusLabel: Record<ItemStatus, string> = {
  pending: 'Waiting',
  in_progress: 'Cooking',
  done: 'Done',
};

/** "grill" → "Grill", "cold_line" → "Cold line". */
export const stationTypeLabel = (type: string) => {
  const words = type.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The courses a line can be in; 1 is fired on confirm, later ones wait for "Fire course N". */
export const courses: readonly number[] = courseRange(courseSchema.minValue ?? 1, courseSchema.maxValue ?? 1);

/** Every course the shared schema allows, so a selector offers exactly what a save accepts. */
function courseRange(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
const courseNames: Record<number, string> = { 1: 'starters', 2: 'mains', 3: 'desserts' };

/** "Course 2 · mains". */
export const courseLabel = (course: number): string => `Course ${course}${courseNames[course] ? ` · ${courseNames[course]}` : ''}`;
