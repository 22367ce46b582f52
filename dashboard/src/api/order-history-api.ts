import { historySchema } from '../model/timeline.ts';
import { ApiError, apiRequest } from './http.ts';

/**
 * The order's audit trail from `GET /api/orders/:id/history`, oldest first. Undefined when the
 * server cannot say (offline, or a server without the REST API yet): the replica's status times
 * stand in.
 */
export async function fetchOrderHistory(token: string, orderId: string): Promise<unknown[] | undefined> {
  try {
    const body = await apiRequest<unknown>(token, 'GET', `/api/orders/${encodeURIComponent(orderId)}/history`);
    const parsed = historySchema.safeParse(body);
    return parsed.success ? parsed.data.events : undefined;
  } catch (err) {
    if (err instanceof ApiError) return undefined;
    throw err;
  }
}
