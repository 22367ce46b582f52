/**
 * The short number staff call out and customers see ("#7F3A"): the last four letters or digits
 * of the order id. Every screen uses this one, so the kitchen and the front say the same thing.
 */
export function orderNumber(orderId: string): string {
  return `#${orderId.replace(/[^A-Za-z0-9]/g, '').slice(-4).toUpperCase()}`;
}
