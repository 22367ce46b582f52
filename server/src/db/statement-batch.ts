import type { Queryable, Statement } from './database.ts';

/**
 * Several writes sent to the database as one statement: each part is a data-modifying CTE. All
 * parts run in the statement's one snapshot and none sees another's rows, so no two parts may
 * write the same row (a write's parts are one per table).
 */
export class StatementBatch {
  private readonly parts: string[] = [];
  private readonly params: unknown[] = [];

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /** The placeholder for `value` in a part's SQL. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(sql: string): void {
    this.parts.push(`w${this.parts.length} AS (${sql})`);
  }

  /** The parts as one statement, with `final` as its own query. */
  statement(final = 'SELECT 1'): Statement {
    return { sql: this.isEmpty ? final : `WITH ${this.parts.join(',\n')}\n${final}`, params: this.params };
  }

  /** Sends the parts as one statement; nothing to send, no round trip. */
  async run(q: Queryable): Promise<void> {
    if (this.isEmpty) return;
    const { sql, params } = this.statement();
    await q.query(sql, params, { prepare: true });
  }
}
