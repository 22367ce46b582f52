import type { DomainEvent } from '../events.ts';
import { customerKey } from '../keys.ts';
import type { Customer, CustomerDetails } from '../schema.ts';
import { read, write, type Tx } from '../tx.ts';

const safe = (s: string) => s.replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);

/**
 * A customer is found by phone, else by email, within the tenant. The id is derived from that
 * contact so the lookup is one read and client and server agree on it.
 */
export function customerIdFor(details: CustomerDetails): string | undefined {
  // The first + is the international prefix; any other + would leak into the id (ids allow no +).
  const phone = details.phone?.replace(/[^0-9+]/g, '').replace('+', '00').replace(/\+/g, '');
  if (phone) return `ph${phone}`;
  if (details.email) return `em${safe(details.email.trim().toLowerCase())}`.slice(0, 128);
  return undefined;
}

export async function upsertCustomerFromOrder(
  tx: Tx,
  details: CustomerDetails,
  at: number,
): Promise<{ customerId?: string; events: DomainEvent[] }> {
  const id = customerIdFor(details);
  if (!id) return { events: [] };
  const existing = await read<Customer>(tx, customerKey(id));
  const customer: Customer = {
    ...existing,
    ...details,
    id,
    orderCount: (existing?.orderCount ?? 0) + 1,
    lastOrderAt: Math.max(existing?.lastOrderAt ?? 0, at),
  };
  await write(tx, customerKey(id), customer);
  return { customerId: id, events: [{ type: 'customer.upserted', customerId: id }] };
}
