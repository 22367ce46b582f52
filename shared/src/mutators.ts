import { dismissRejection, setModifierOptionSoldOut, setProductSoldOut, upsertProduct, upsertStation } from './mutators/catalog-mutators.ts';
import { assignPrinter, claimPrintJob, finishPrintJob, redirectPrinter, reportPrinterState, reprintTicket, unassignPrinter, upsertPrinter } from './mutators/printer-mutators.ts';
import { fireCourse } from './mutators/course-mutators.ts';
import { bumpKitchenOrder, moveKitchenItem, recallKitchenOrder, setKitchenItemStatus } from './mutators/kitchen-mutators.ts';
import { setOrderRush } from './mutators/rush-mutators.ts';
import { dismissScreenDownNotice, stationScreensBack, stationScreensDown } from './mutators/screen-mutators.ts';
import { claimTerminalCode } from './mutators/order-numbering.ts';
import { cancelOrder, confirmOrder, createOrder, handOffOrder, reissueContract, setOrderStatus } from './mutators/order-mutators.ts';

/** Every mutator, by its public name (DESIGN.md). Names are append-only. */
export const mutators = {
  createOrder,
  confirmOrder,
  setOrderStatus,
  cancelOrder,
  reissueContract,
  setKitchenItemStatus,
  bumpKitchenOrder,
  recallKitchenOrder,
  upsertProduct,
  upsertStation,
  dismissRejection,
  fireCourse,
  setProductSoldOut,
  handOffOrder,
  setOrderRush,
  upsertPrinter,
  assignPrinter,
  unassignPrinter,
  redirectPrinter,
  reprintTicket,
  claimPrintJob,
  finishPrintJob,
  reportPrinterState,
  claimTerminalCode,
  moveKitchenItem,
  setModifierOptionSoldOut,
  stationScreensDown,
  stationScreensBack,
  dismissScreenDownNotice,
};

export type Mutators = typeof mutators;
export type MutatorName = keyof Mutators;

/** The print agent's word (`printAgentWord` on its declaration): what a hub may run as itself. */
export const printAgentMutatorNames: readonly MutatorName[] = (Object.keys(mutators) as MutatorName[]).filter((name) => 'printAgentWord' in mutators[name]);

export const isMutatorName = (name: string): name is MutatorName => Object.hasOwn(mutators, name);

/** The keys a batch of mutations will obviously read, as each mutator declares them (unknown names read nothing). */
export function readsOf(batch: readonly { name: string; args: unknown }[]): Set<string> {
  const keys = new Set<string>();
  for (const { name, args } of batch) if (isMutatorName(name)) for (const key of mutators[name].reads(args)) keys.add(key);
  return keys;
}
