/** When each hub token last pulled from this process: what the cloud knows of its restaurant hubs. */
export class HubLinks {
  private readonly lastPull = new Map<string, { tenantId: string; at: number }>();

  pulled(tokenId: string, tenantId: string): void {
    this.lastPull.set(tokenId, { tenantId, at: Date.now() });
  }

  /** Hub token id → its tenant and last pull (epoch ms). */
  all(): ReadonlyMap<string, { tenantId: string; at: number }> {
    return this.lastPull;
  }

}
