import { hubTerminalId, localServiceDayOf, type MutatorName, type ServiceDay } from '@kitchensync/shared';
import type { PushRequest } from '../sync/protocol.ts';

type Mutation = PushRequest['mutations'][number];
type NumberingArgs = { at?: unknown; terminalId?: unknown; serviceDay?: unknown };

/** The hub's copy of a day's numbering row (its terminals' codes as the cloud gave them). */
export type DayRow = (day: string) => Promise<ServiceDay | undefined>;

const createOrder: MutatorName = 'createOrder';
const claimTerminalCode: MutatorName = 'claimTerminalCode';

const numberingArgs = (m: Mutation): NumberingArgs | undefined =>
  (m.name === createOrder || m.name === claimTerminalCode) && typeof m.args === 'object' && m.args !== null ? (m.args as NumberingArgs) : undefined;

/** The day the mutation numbers in: the one it names, else the hub's day of its time. */
const dayOf = (args: NumberingArgs): string | undefined =>
  typeof args.serviceDay === 'string' ? args.serviceDay : typeof args.at === 'number' ? localServiceDayOf(args.at) : undefined;

/**
 * A push the hub applies alone (cut off from the cloud) and forwards later. Numbering there must
 * give what the cloud will give on arrival, and only a code the cloud already gave (mirrored
 * here) or the hub's own fixed one (H) does: the server's counter would number an order twice
 * ("2" on paper at the hub, "3" at the cloud, which counted its own orders meanwhile), and a code
 * handed out here could be handed to another terminal at the cloud (two "A-1"s in one day). So an
 * order naming no terminal, or one without a code from the cloud, goes on as taken at the hub's
 * terminal on its day, and a terminal's claim waits for the cloud (the hub claims its own code
 * instead): that terminal's orders are the hub's (H-1, H-2, …) until then.
 */
export async function numberedAtHub(push: PushRequest, dayRow: DayRow): Promise<PushRequest> {
  const mutations: Mutation[] = [];
  for (const m of push.mutations) {
    const args = numberingArgs(m);
    const day = args && dayOf(args);
    const known = async () => args?.terminalId === hubTerminalId || (day !== undefined && (await dayRow(day))?.terminals.some((t) => t.terminalId === args?.terminalId) === true);
    if (args && day !== undefined && !(await known())) mutations.push({ ...m, args: { ...args, terminalId: hubTerminalId, serviceDay: day } });
    else mutations.push(m);
  }
  return mutations.some((m, i) => m !== push.mutations[i]) ? { ...push, mutations } : push;
}
