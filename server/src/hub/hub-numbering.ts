import { hubTerminalCode, hubTerminalId, localServiceDayOf, type MutatorName, type ServiceDay } from '@kitchensync/shared';
import type { PushRequest } from '../sync/protocol.ts';

type Mutation = PushRequest['mutations'][number];
type NumberingArgs = { at?: unknown; terminalId?: unknown; serviceDay?: unknown };

/** What the hub knows: its copy of a day's numbering row (codes as the cloud gave them), and each client's last mutation it applied. */
export interface HubCopy {
  dayRow(day: string): Promise<ServiceDay | undefined>;
  lastMutationId(clientID: string): Promise<number>;
}

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
 * terminal on its day, numbered, and a terminal's claim waits for the cloud (the hub claims its own
 * code instead): that terminal's orders are the hub's (H-1, H-2, …) until then.
 */
export async function numberedAtHub(push: PushRequest, copy: HubCopy): Promise<PushRequest> {
  const counters = new Map<string, { code: string; last: number } | undefined>();
  const applied = new Map<string, number>();
  const mutations: Mutation[] = [];
  // Looked up only for a push that numbers: a bump while cut off costs no extra read.
  const isNew = async (m: Mutation) => {
    if (!applied.has(m.clientID)) applied.set(m.clientID, await copy.lastMutationId(m.clientID));
    return m.id > (applied.get(m.clientID) ?? 0);
  };
  for (const m of push.mutations) {
    // A mutation pushed again (already applied and queued) is skipped by the push: it takes no number.
    const args = numberingArgs(m) && (await isNew(m)) ? numberingArgs(m) : undefined;
    const day = args && dayOf(args);
    const row = day === undefined ? undefined : await copy.dayRow(day);
    const known = args?.terminalId === hubTerminalId || row?.terminals.some((t) => t.terminalId === args?.terminalId) === true;
    if (!args || day === undefined || known) mutations.push(m);
    else if (m.name === claimTerminalCode) mutations.push({ ...m, args: { ...args, terminalId: hubTerminalId, serviceDay: day } });
    else {
      if (!counters.has(day)) counters.set(day, hubCounter(row));
      const counter = counters.get(day);
      if (counter) counter.last += 1;
      mutations.push({ ...m, args: { ...args, terminalId: hubTerminalId, serviceDay: day, ...(counter ? { number: `${counter.code}-${counter.last}` } : {}) } });
    }
  }
  return mutations.some((m, i) => m !== push.mutations[i]) ? { ...push, mutations } : push;
}

/**
 * The hub terminal's code and counter in the hub's copy of the day. Its orders carry the number the
 * hub gives them, which the cloud keeps (it is that code's, past its counter): an order the cloud
 * refuses on arrival then leaves a gap there too, instead of moving the later ones up by one.
 * None on a day another terminal already holds H (codes given before the hub had one).
 */
function hubCounter(row: ServiceDay | undefined): { code: string; last: number } | undefined {
  const mine = row?.terminals.find((t) => t.terminalId === hubTerminalId);
  if (mine) return { code: mine.code, last: mine.lastNumber };
  return row?.terminals.some((t) => t.code === hubTerminalCode) ? undefined : { code: hubTerminalCode, last: 0 };
}
