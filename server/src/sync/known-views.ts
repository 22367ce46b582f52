import type { ClientViewRecord } from './cvr.ts';
import { RecentMap } from '../recent-map.ts';

/** How many client groups, and CVRs, a process remembers per database. */
const capacity = 10_000;

interface KnownGroup {
  readonly tenantId: string;
  readonly tokenId: string;
  /** The highest cookie order this process gave the group (the database may know a higher one). */
  readonly order: number;
}

/**
 * What this process already knows about the client groups it serves, so that a pull on a cookie it
 * gave out can skip reading the group and the CVR. Only what never changes is kept: a group's
 * owner, and CVRs (immutable rows). Whether the group still exists (GC may purge it from any
 * process) is checked in the pull's own statement.
 */
export class KnownViews {
  private readonly groups = new RecentMap<string, KnownGroup>(capacity);
  private readonly cvrs = new RecentMap<string, ClientViewRecord & { group: string }>(capacity);

  /** The group and the CVR a cookie names, if both are known here and the CVR is that group's own. */
  lookup(groupId: string, cvrId: string | undefined) {
    const group = this.groups.get(groupId);
    const cvr = cvrId === undefined ? undefined : this.cvrs.get(cvrId);
    return group && cvr?.group === groupId ? { group, cvr } : undefined;
  }

  remember(groupId: string, owner: { tenantId: string; tokenId: string }, cvrId: string, order: number, cvr: ClientViewRecord): void {
    const known = this.groups.get(groupId);
    this.groups.set(groupId, { tenantId: owner.tenantId, tokenId: owner.tokenId, order: Math.max(order, known?.order ?? 0) });
    this.cvrs.set(cvrId, { ...cvr, group: groupId });
  }

  forget(groupId: string): void {
    this.groups.delete(groupId);
  }
}
