import { printAgentMutatorNames, type MutatorName } from '@kitchensync/shared';
import type { Role } from './tokens.ts';

/** Which mutators each role may run; checked by the push wrapper and REST, never by mutators. */
const mutatorsByRole: Record<Role, readonly MutatorName[] | 'all'> = {
  admin: [],
  manager: 'all',
  // The line fires courses, 86es products and modifier options, rushes orders and hands them off at the pass (expo).
  kitchen: ['setKitchenItemStatus', 'bumpKitchenOrder', 'recallKitchenOrder', 'dismissRejection', 'fireCourse', 'setProductSoldOut', 'setModifierOptionSoldOut', 'handOffOrder', 'setOrderRush', 'reprintTicket', 'moveKitchenItem', 'dismissScreenDownNotice'],
  customer: [],
  // A hub forwards its terminals' mutations, each run as the terminal's own token (server/src/hub);
  // as itself it only runs its print agent's word (server/src/print), as shared declares it.
  hub: printAgentMutatorNames,
};

export function mayRun(role: Role, name: MutatorName): boolean {
  const allowed = mutatorsByRole[role];
  return allowed === 'all' || allowed.includes(name);
}
