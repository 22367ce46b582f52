import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An embedded PGlite directory must have one process at a time. The server marks the directory
 * with its pid; the CLI refuses to open it while that process lives (use the admin API instead).
 */
const lockFile = (dataDir: string) => join(dataDir, 'server.pid');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function assertDataDirFree(dataDir: string): void {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8'));
  if (pid && pid !== process.pid && alive(pid)) {
    throw new Error(`the server (pid ${pid}) is using ${dataDir}; stop it first, or use the admin API`);
  }
}

export function lockDataDir(dataDir: string): () => void {
  assertDataDirFree(dataDir);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockFile(dataDir), String(process.pid));
  return () => rmSync(lockFile(dataDir), { force: true });
}
