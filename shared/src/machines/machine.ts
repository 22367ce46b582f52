import { DomainError } from '../errors.ts';

/** One allowed move; `guard` names a predicate over the machine's context. */
export interface TransitionRow<S extends string, G extends string> {
  readonly from: S;
  readonly to: S;
  readonly guard?: G;
  /** The move must say why (e.g. cancelling food already being cooked). */
  readonly requiresReason?: true;
}

export interface Machine<S extends string, C> {
  readonly name: string;
  readonly rows: readonly TransitionRow<S, string>[];
  /** Moves out of `from` whose guard holds for `ctx`. */
  allowedTransitions(from: S, ctx: C): S[];
  can(from: S, to: S, ctx: C & { reason?: string | undefined }): boolean;
  /** Throws `illegal_transition` unless the table allows the move. */
  assertTransition(from: S, to: S, ctx: C & { reason?: string | undefined }): void;
  requiresReason(from: S, to: S): boolean;
  isFinal(status: S): boolean;
}

export function defineMachine<S extends string, G extends string, C>(
  name: string,
  rows: readonly TransitionRow<S, G>[],
  guards: Record<G, (ctx: C) => boolean>,
): Machine<S, C> {
  const guardHolds = (row: TransitionRow<S, G>, ctx: C) => row.guard === undefined || guards[row.guard](ctx);
  const rowFor = (from: S, to: S) => rows.find((r) => r.from === from && r.to === to);
  const can = (from: S, to: S, ctx: C & { reason?: string | undefined }) => {
    const row = rowFor(from, to);
    if (!row || !guardHolds(row, ctx)) return false;
    return !row.requiresReason || Boolean(ctx.reason?.trim());
  };
  return {
    name,
    rows,
    allowedTransitions: (from, ctx) => rows.filter((r) => r.from === from && guardHolds(r, ctx)).map((r) => r.to),
    can,
    assertTransition(from, to, ctx) {
      if (can(from, to, ctx)) return;
      const needsReason = rowFor(from, to)?.requiresReason && !ctx.reason?.trim();
      throw new DomainError(
        'illegal_transition',
        needsReason
          ? `${name}: ${from} → ${to} needs a reason`
          : `${name}: cannot go from ${from} to ${to}`,
        { from, to },
      );
    },
    requiresReason: (from, to) => rowFor(from, to)?.requiresReason === true,
    isFinal: (status) => !rows.some((r) => r.from === status),
  };
}
