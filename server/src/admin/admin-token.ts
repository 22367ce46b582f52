import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateToken } from '../auth/tokens.ts';
import { isProduction, type Env } from '../env.ts';

/**
 * ADMIN_TOKEN wins. Outside production a missing one is generated and kept in the data directory
 * (in memory only for memory:// databases); production refuses to start without one.
 */
export function resolveAdminToken(env: Env): { token: string; generated: boolean } {
  if (env.ADMIN_TOKEN) return { token: env.ADMIN_TOKEN, generated: false };
  if (isProduction(env)) throw new Error('ADMIN_TOKEN must be set in production');
  if (env.DATABASE_URL === 'memory://') return { token: generateToken('admin'), generated: true };
  const file = join(env.DATA_DIR, 'admin-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generated: false };
  mkdirSync(env.DATA_DIR, { recursive: true });
  const token = generateToken('admin');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, generated: true };
}
