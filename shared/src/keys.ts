/** Replica key layout (DESIGN.md public contract). */
export const keyPrefix = {
  order: 'order/',
  contract: 'contract/',
  kitchenOrder: 'kitchenOrder/',
  station: 'station/',
  product: 'product/',
  customer: 'customer/',
  rejection: 'rejection/',
  printer: 'printer/',
  printJob: 'printJob/',
  serviceDay: 'serviceDay/',
} as const;

export type EntityKind = keyof typeof keyPrefix;

export const orderKey = (id: string) => `${keyPrefix.order}${id}`;
export const contractKey = (id: string) => `${keyPrefix.contract}${id}`;
export const kitchenOrderKey = (id: string) => `${keyPrefix.kitchenOrder}${id}`;
export const stationKey = (id: string) => `${keyPrefix.station}${id}`;
export const productKey = (id: string) => `${keyPrefix.product}${id}`;
export const customerKey = (id: string) => `${keyPrefix.customer}${id}`;
export const printerKey = (id: string) => `${keyPrefix.printer}${id}`;
export const printJobKey = (id: string) => `${keyPrefix.printJob}${id}`;
export const serviceDayKey = (day: string) => `${keyPrefix.serviceDay}${day}`;
export const rejectionKey = (clientID: string, mutationID: number) =>
  `${keyPrefix.rejection}${clientID}/${mutationID}`;

/** The kind whose prefix a key, or a scan prefix, starts with (no prefix is the start of another). */
export function kindOf(keyOrPrefix: string): EntityKind | undefined {
  return (Object.keys(keyPrefix) as EntityKind[]).find((kind) => keyOrPrefix.startsWith(keyPrefix[kind]));
}

/** Splits a replica key into its kind and id; undefined for keys outside the layout. */
export function parseKey(key: string): { kind: EntityKind; id: string } | undefined {
  const kind = kindOf(key);
  if (kind === undefined || key.length === keyPrefix[kind].length) return undefined;
  return { kind, id: key.slice(keyPrefix[kind].length) };
}

/** Derived ids are deterministic so client and server write the same keys. */
export const contractId = (orderId: string, version: number) => `${orderId}.v${version}`;
/** Course 1 keeps the id it always had; later courses of the same station get a `.c<k>` suffix. */
export const kitchenOrderId = (contractIdValue: string, stationId: string, course = 1) =>
  `${contractIdValue}.${stationId}${course === 1 ? '' : `.c${course}`}`;

/**
 * The order and station a ticket id was most likely made from (`kitchenOrderId`). Ids may hold the
 * separators themselves, so this is a guess: good for what a mutator reads first, never for a rule.
 */
export function ticketIdParts(id: string): { orderId: string; stationId: string } | undefined {
  const parts = /^(.+)\.v\d+\.(.+?)(?:\.c\d+)?$/.exec(id);
  return parts ? { orderId: parts[1] as string, stationId: parts[2] as string } : undefined;
}

/** Key prefix of every ticket of one contract version (ticket ids start with the contract id). */
export const ticketKeyPrefix = (orderId: string, version: number) => kitchenOrderKey(`${contractId(orderId, version)}.`);

/**
 * A print job's id names its event, so a replayed or re-run mutation writes the same job:
 * `<ticket or order id>.<kind>.<printer id>`, plus the client's time for a reprint (each one prints).
 */
export const printJobId = (subjectId: string, kind: string, printerId: string, at?: number) =>
  `${subjectId}.${kind}${at === undefined ? '' : `-${at}`}.${printerId}`;

/** A station's "screen down" batch on one printer, one per outage (named by when its screens were last seen). */
export const screenDownJobId = (stationId: string, printerId: string, since: number) => printJobId(stationId, 'screen_down', printerId, since);
/** Every "screen down" batch of a station. */
export const screenDownJobPrefix = (stationId: string) => `${stationId}.screen_down-`;
