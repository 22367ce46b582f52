import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { ChangeFeed, type BatchChanges } from './change-feed.ts';

/** A feed and the head reports its database would send it (`ks_heads`, migration 007). */
async function feedWithReports() {
  let deliver: (payload: string) => void = () => undefined;
  const db = {
    reportsHeads: true,
    listen: async (_channel: string, onPayload: (payload: string) => void) => {
      deliver = onPayload;
      return async () => undefined;
    },
  } as unknown as Database;
  const feed = new ChangeFeed(db);
  await Promise.resolve();
  const report = (tenant: string, mover: string, head: number) => deliver(JSON.stringify([tenant, mover, String(head)]));
  return { feed, report };
}

const changes = (key: string): BatchChanges => ({ rows: new Map([[key, { id: key }]]), rejections: new Map(), clients: new Map() });
const keys = (since: { batches: BatchChanges[] } | undefined) => since?.batches.flatMap((b) => [...b.rows.keys()]);

describe('ChangeFeed', () => {
  it('chains this process’s commits from the head before each to the head after it', async () => {
    const { feed, report } = await feedWithReports();
    report('t', 'x1', 10); // before the feed knew anything: no step to keep
    feed.committed('t', 'x1', changes('a'));
    expect(feed.since('t', 10)).toBeUndefined();
    report('t', 'x2', 12);
    report('t', 'x2', 13); // two statements of one transaction
    feed.committed('t', 'x2', changes('b'));
    report('t', 'x3', 15);
    feed.committed('t', 'x3', changes('c'));
    expect(feed.since('t', 10)).toMatchObject({ head: 15 });
    expect(keys(feed.since('t', 10))).toEqual(['b', 'c']);
    expect(keys(feed.since('t', 13))).toEqual(['c']);
    expect(feed.since('t', 12)).toBeUndefined(); // not a head any client can have seen
    expect(feed.since('other', 10)).toBeUndefined();
  });

  it('tells nothing once another transaction moved the head, until a commit of its own starts afresh', async () => {
    const { feed, report } = await feedWithReports();
    report('t', 'x1', 10);
    report('t', 'x2', 11);
    feed.committed('t', 'x2', changes('a'));
    report('t', 'rest', 12); // a write this feed was not given
    expect(feed.since('t', 10)).toBeUndefined();
    report('t', 'x3', 13);
    feed.committed('t', 'x3', changes('b'));
    expect(feed.since('t', 10)).toBeUndefined(); // the gap 11 → 12 is unknown
    expect(keys(feed.since('t', 12))).toEqual(['b']);
  });

  it('keeps no commit whose report has not arrived', async () => {
    const { feed, report } = await feedWithReports();
    report('t', 'x1', 10);
    report('t', 'x2', 11);
    feed.committed('t', 'x2', changes('a'));
    feed.committed('t', 'x3', changes('b')); // its report never came
    report('t', 'x3', 12);
    expect(feed.since('t', 10)).toBeUndefined();
    expect(feed.since('t', 11)).toBeUndefined();
  });

  it('answers nothing where the database does not report heads', () => {
    const feed = new ChangeFeed({ reportsHeads: false } as Database);
    feed.committed('t', 'x1', changes('a'));
    expect(feed.since('t', 0)).toBeUndefined();
  });
});
