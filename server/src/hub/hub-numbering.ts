import { hubTerminalId, localServiceDayOf, type MutatorName } from '@kitchensync/shared';
import type { PushRequest } from '../sync/protocol.ts';

type Mutation = PushRequest['mutations'][number];

const createOrder: MutatorName = 'createOrder';

/** A createOrder that names no terminal: the server it runs on numbers it with its own counter. */
const unnumbered = (m: Mutation): m is Mutation & { args: { at: number } } => {
  const args = m.args as { terminalId?: unknown; at?: unknown } | null;
  return m.name === createOrder && typeof args === 'object' && args !== null && args.terminalId === undefined && typeof args.at === 'number';
};

/**
 * A push the hub applies alone (cut off from the cloud) and forwards later. An order in it that
 * names no terminal would be numbered twice by two counters that never met — the hub's "2", on
 * paper and on its screens, and the cloud's "3" once it arrives. So it goes on as taken at the
 * hub's own terminal on the hub's service day: that terminal's code is fixed ("H") and only these
 * orders move its counter, in outbox order, so the cloud gives each the number the hub gave it.
 */
export function numberedAtHub(push: PushRequest): PushRequest {
  if (!push.mutations.some(unnumbered)) return push;
  const mutations = push.mutations.map((m) =>
    unnumbered(m) ? { ...m, args: { ...m.args, terminalId: hubTerminalId, serviceDay: (m.args as { serviceDay?: string }).serviceDay ?? localServiceDayOf(m.args.at) } } : m,
  );
  return { ...push, mutations };
}
