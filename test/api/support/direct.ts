import type { MutatorName } from '@kitchensync/shared';
import type { TestServer } from '../../support/server.ts';

/**
 * Applies mutations with chosen client times (`at`), as an offline terminal's backlog would arrive:
 * the only way to give orders known creation and status times.
 */
export async function applyAt(server: TestServer, tenantId: string, steps: [MutatorName, Record<string, unknown>][]): Promise<void> {
  const principal = { tokenId: 'system', role: 'manager' as const, tenantId };
  await server.running.engine.write(tenantId, async (write) => {
    for (const [name, args] of steps) {
      const outcome = await write.apply(name, args, { source: 'rest', principal });
      if (!outcome.ok) throw new Error(`${name} ${JSON.stringify(args)}: ${outcome.error.message}`);
    }
  });
}
