import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { preparedName, sqlLiteral, withLiterals } from './prepared.ts';

describe('statements on PGlite (one simple query, values as literals; prepared ones by EXECUTE)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite('memory://');
    await db.exec('CREATE TABLE t (id text PRIMARY KEY, data jsonb, n bigint, at timestamptz)');
  });
  afterAll(async () => db.close());

  const hostile = ["it's", 'a"b\\c', "'); DROP TABLE t; --", '{,}', 'NULL', 'ünï 😀', '\\x00'];

  it('gives back exactly what was written, whatever the text, prepared or not', async () => {
    const rows = hostile.map((id, n) => ({ id, data: { id, list: [id] }, n }));
    const insert = `INSERT INTO t (id, data, n, at) SELECT x.id, x.data, x.n, $2 FROM jsonb_to_recordset($1::jsonb) AS x(id text, data jsonb, n bigint)`;
    await db.query(insert, [JSON.stringify(rows), 'epoch'], { prepare: true });
    const select = 'SELECT id, data, n FROM t WHERE id = ANY($1::text[]) AND n >= $2 ORDER BY n';
    const viaExecute = await db.query(select, [hostile, 0], { prepare: true });
    const viaQuery = await db.query(select, [hostile, 0]);
    expect(viaExecute.rows).toEqual(rows);
    expect(viaQuery.rows).toEqual(rows);
    // Prepared once: the second run reuses it and still reads its parameters.
    expect((await db.query(select, [[hostile[2]], 0], { prepare: true })).rows).toEqual([{ id: hostile[2], data: { id: hostile[2], list: [hostile[2]] }, n: 2 }]);
  });

  it('prepares a statement once when its first uses come at the same moment (two screens pulling as the server starts)', async () => {
    const select = 'SELECT count(*)::int AS n FROM t WHERE n >= $1';
    const answers = await Promise.all([0, 1, 2, 3].map((from) => db.query(select, [from], { prepare: true })));
    expect(answers.map((a) => a.rows[0])).toEqual([7, 6, 5, 4].map((n) => ({ n })));
    // A statement PostgreSQL refuses is not remembered as prepared: the next use says so again.
    const broken = 'SELECT nope FROM t WHERE n = $1';
    for (let i = 0; i < 2; i++) await expect(db.query(broken, [1], { prepare: true })).rejects.toThrow(/nope/);
  });

  it('writes a value with NUL as a bind parameter (SQL text is a C string), refused the same way', async () => {
    const select = 'SELECT id FROM t WHERE id = $1';
    const bind = await db.query(select, ['a\u0000b']).catch((err: Error) => err.message);
    const prepared = await db.query(select, ['a\u0000b'], { prepare: true }).catch((err: Error) => err.message);
    expect(prepared).toEqual(bind);
  });

  it('names a statement by its text with a plain SQL identifier', () => {
    expect(preparedName('SELECT 1')).toMatch(/^ks_[0-9a-f]{32}$/);
    expect(preparedName('SELECT 1')).toBe(preparedName('SELECT 1'));
    expect(preparedName('SELECT 2')).not.toBe(preparedName('SELECT 1'));
  });

  it('quotes every value as text the parameter type reads', () => {
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(5)).toBe("'5'");
    expect(sqlLiteral("o'clock")).toBe("'o''clock'");
    expect(sqlLiteral(['a', 'b"c', null])).toBe(`E'{"a","b\\\\"c",NULL}'`);
    expect(sqlLiteral('back\\slash')).toBe(`E'back\\\\slash'`);
    expect(sqlLiteral({ a: "'" })).toBe(`'{"a":"''"}'`);
  });

  it('an opening read with its values as literals gives what bind parameters give, and is refused a NUL', async () => {
    const tenth = withLiterals('SELECT $10, $1', ['one', 2, 3, 4, 5, 6, 7, 8, 9, 'ten']);
    expect(tenth).toBe("SELECT 'ten', 'one'"); // $10 is not $1 followed by a 0
    const sql = 'SELECT id, data FROM t WHERE id = ANY($1::text[]) AND n >= $2 ORDER BY n';
    const params = [hostile, 0];
    const opened = await db.transaction(async (_q, rows) => rows, { tenantLock: "it's", opening: { sql, params } });
    expect(opened).toEqual((await db.query(sql, params)).rows);
    expect(opened).toHaveLength(hostile.length);
    expect(withLiterals(sql, [['a\u0000b'], 0])).toBeUndefined();
    const withNul = await db.transaction(async (_q, rows) => rows, { opening: { sql: 'SELECT $1::text AS v', params: ['a\u0000b'] } }).catch((err: Error) => err.message);
    const bind = await db.query('SELECT $1::text AS v', ['a\u0000b']).then((r) => r.rows, (err: Error) => err.message);
    expect(withNul).toEqual(bind);
  });
});
