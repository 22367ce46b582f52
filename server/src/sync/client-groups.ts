import type { StatementBatch } from '../db/statement-batch.ts';
import { saveClientGroups, type GroupOwner, type PushState } from '../db/replicache-clients.ts';
import type { Journal } from './journal.ts';
import { notAllowed } from './protocol.ts';

/**
 * The client groups and clients one batch of pushes deals with: as read when it began (in the
 * same round trip as BEGIN), then as its pushes change them — a group created, a client's last
 * mutation id moved on — so a later push of the batch sees what an earlier one did. Saved with
 * everything else in the batch's one write statement; changes are recorded in the write's journal.
 */
export class ClientGroups {
  private readonly owners = new Map<string, GroupOwner>();
  private readonly purged = new Set<string>();
  private readonly clients = new Map<string, { group: string; lmid: number }>();
  private readonly created = new Map<string, GroupOwner>();
  private readonly seen = new Set<string>();
  private readonly advanced = new Map<string, { group: string; lmid: number }>();

  constructor(private readonly journal: Journal) {}

  loaded(state: Pick<PushState, 'owners' | 'purged' | 'clients'>): void {
    for (const o of state.owners) this.owners.set(o.id, { tenantId: o.tenant_id, tokenId: o.token_id });
    for (const id of state.purged) this.purged.add(id);
    for (const c of state.clients) this.clients.set(c.id, { group: c.client_group_id, lmid: c.last_mutation_id });
  }

  /** The group a client belongs to, if it has pushed before. */
  private groupOf(clientID: string): string | undefined {
    return this.clients.get(clientID)?.group;
  }

  lastMutationId(clientID: string): number {
    return this.clients.get(clientID)?.lmid ?? 0;
  }

  /**
   * Step 3 of a push: the group must be `owner`'s (a new one is created; a purged one answers false,
   * ClientStateNotFound), and each of `clientIds` a member of it; else it throws.
   */
  admit(group: string, owner: GroupOwner, clientIds: readonly string[]): boolean {
    const known = this.owners.get(group);
    if (known && (known.tenantId !== owner.tenantId || known.tokenId !== owner.tokenId)) throw notAllowed('this client group belongs to someone else');
    if (!known && this.purged.has(group)) return false;
    const foreign = clientIds.find((c) => (this.groupOf(c) ?? group) !== group);
    if (foreign) throw notAllowed(`client ${foreign} belongs to another client group`);
    if (!known) this.create(group, owner);
    return true;
  }

  private create(group: string, owner: GroupOwner): void {
    this.owners.set(group, owner);
    this.created.set(group, owner);
    this.journal.record(() => {
      this.owners.delete(group);
      this.created.delete(group);
    });
  }

  /** Records that `group` pushed, and each of its clients' new last mutation id. */
  advance(group: string, lmids: ReadonlyMap<string, number>): void {
    const hadSeen = this.seen.has(group);
    this.seen.add(group);
    const before = [...lmids.keys()].map((id) => [id, this.clients.get(id), this.advanced.get(id)] as const);
    for (const [id, lmid] of lmids) {
      this.clients.set(id, { group, lmid });
      this.advanced.set(id, { group, lmid });
    }
    this.journal.record(() => {
      if (!hadSeen) this.seen.delete(group);
      for (const [id, client, advanced] of before) {
        if (client) this.clients.set(id, client);
        else this.clients.delete(id);
        if (advanced) this.advanced.set(id, advanced);
        else this.advanced.delete(id);
      }
    });
  }

  /** The clients whose last mutation id the batch moved on, and their new ids. */
  advancedIds(): Map<string, number> {
    return new Map([...this.advanced].map(([id, { lmid }]) => [id, lmid]));
  }

  writeInto(b: StatementBatch): void {
    saveClientGroups(b, this.created, this.seen, this.advanced);
  }
}
