import { DomainError } from '../errors.ts';

/**
 * One allowed move, named by the event that makes it; `guard` names a predicate over the context,
 * `actions` name what the move sets off (run by whoever applies it: the mutators), as xstate's
 * `transition()` returns them with the next state.
 */
export interface TransitionRow<S extends string, E extends string, G extends string, A extends string = never> {
  readonly event: E;
  readonly from: S;
  readonly to: S;
  readonly guard?: G;
  /** The move must say why (e.g. cancelling food already being cooked). */
  readonly requiresReason?: true;
  readonly actions?: readonly A[];
}

type WithReason<C> = C & { reason?: string | undefined };

/**
 * A state machine as data. Callers act by event (`next('bump', status, ctx)`); status-addressed
 * callers (REST `PUT …/status`, dashboards listing moves) ask by target (`can(from, to, ctx)`).
 */
export interface Machine<S extends string, E extends string, C, A extends string = never> {
  readonly name: string;
  readonly rows: readonly TransitionRow<S, E, string, A>[];
  /** Moves out of `from` whose guard holds for `ctx`. */
  allowedTransitions(from: S, ctx: C): S[];
  can(from: S, to: S, ctx: WithReason<C>): boolean;
  /** Throws `illegal_transition` unless the table allows the move. */
  assertTransition(from: S, to: S, ctx: WithReason<C>): void;
  requiresReason(from: S, to: S): boolean;
  isFinal(status: S): boolean;
  /** Events `from` accepts under `ctx`, in table order, each once. */
  events(from: S, ctx: C): E[];
  /** Whether `event` moves a `from` thing (a reason still needed counts as no). */
  allows(event: E, from: S, ctx: WithReason<C>): boolean;
  /** The status `event` leads to from `from`; throws `illegal_transition` when the table has no such move. */
  next(event: E, from: S, ctx: WithReason<C>): S;
  /** `next`, with the actions of the row that made the move. */
  transition(event: E, from: S, ctx: WithReason<C>): { to: S; actions: readonly A[] };
  /** The actions of the move `from → to` (none when the table has no such move). */
  actionsOf(from: S, to: S, ctx: C): readonly A[];
  /** Every status some row's `event` leads to. */
  targetsOf(event: E): S[];
  /** The event of the move `from → to`, if the table has one whose guard holds. */
  eventFor(from: S, to: S, ctx: C): E | undefined;
  /** The event of the move `from → to`; throws `illegal_transition` when the table has none. */
  eventOf(from: S, to: S, ctx: C): E;
}

export function defineMachine<S extends string, E extends string, G extends string, C, A extends string = never>(
  name: string,
  rows: readonly TransitionRow<S, E, G, A>[],
  guards: Record<G, (ctx: C) => boolean>,
): Machine<S, E, C, A> {
  type Row = TransitionRow<S, E, G, A>;
  const guardHolds = (row: Row, ctx: C) => row.guard === undefined || guards[row.guard](ctx);
  const reasonGiven = (row: Row, ctx: WithReason<C>) => !row.requiresReason || Boolean(ctx.reason?.trim());
  const rowTo = (from: S, to: S, ctx: C) => rows.find((r) => r.from === from && r.to === to && guardHolds(r, ctx));
  const rowOf = (event: E, from: S, ctx: C) => rows.find((r) => r.event === event && r.from === from && guardHolds(r, ctx));
  const refuse = (row: Row | undefined, what: string, details: object): never => {
    const message = row?.requiresReason ? `${name}: ${what} needs a reason` : `${name}: cannot ${what}`;
    // The details name the machine and the move, so no client has to read them out of the message.
    throw new DomainError('illegal_transition', message, { machine: name, ...details });
  };
  const can = (from: S, to: S, ctx: WithReason<C>) => {
    const row = rowTo(from, to, ctx);
    return row !== undefined && reasonGiven(row, ctx);
  };
  const targetsOf = (event: E) => [...new Set(rows.filter((r) => r.event === event).map((r) => r.to))];
  const next = (event: E, from: S, ctx: WithReason<C>): Row => {
    const row = rowOf(event, from, ctx);
    if (row && reasonGiven(row, ctx)) return row;
    // An event with one destination is refused in the same words as that move.
    const targets = targetsOf(event);
    const to = row?.to ?? (targets.length === 1 ? targets[0] : undefined);
    if (to === undefined) return refuse(row, `${event.replace('_', ' ')} a ${from} ${name}`, { from, event });
    return refuse(row, row?.requiresReason ? `${from} → ${to}` : `go from ${from} to ${to}`, { from, to, event });
  };
  return {
    name,
    rows,
    allowedTransitions: (from, ctx) => rows.filter((r) => r.from === from && guardHolds(r, ctx)).map((r) => r.to),
    can,
    assertTransition(from, to, ctx) {
      if (can(from, to, ctx)) return;
      const row = rowTo(from, to, ctx);
      refuse(row, row?.requiresReason ? `${from} → ${to}` : `go from ${from} to ${to}`, { from, to });
    },
    requiresReason: (from, to) => rows.some((r) => r.from === from && r.to === to && r.requiresReason === true),
    isFinal: (status) => !rows.some((r) => r.from === status),
    events: (from, ctx) => [...new Set(rows.filter((r) => r.from === from && guardHolds(r, ctx)).map((r) => r.event))],
    allows(event, from, ctx) {
      const row = rowOf(event, from, ctx);
      return row !== undefined && reasonGiven(row, ctx);
    },
    next: (event, from, ctx) => next(event, from, ctx).to,
    transition(event, from, ctx) {
      const row = next(event, from, ctx);
      return { to: row.to, actions: row.actions ?? [] };
    },
    actionsOf: (from, to, ctx) => rowTo(from, to, ctx)?.actions ?? [],
    targetsOf,
    eventFor: (from, to, ctx) => rowTo(from, to, ctx)?.event,
    eventOf(from, to, ctx) {
      return rowTo(from, to, ctx)?.event ?? refuse(undefined, `go from ${from} to ${to}`, { from, to });
    },
  };
}
