import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertDataDirFree, isLiveHolder, lockDataDir } from './data-dir-lock.ts';

const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
};

/** Runs `script` in sh and resolves with the first line it prints, leaving it running. */
function shell(script: string) {
  const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'] });
  const line = new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
  return { child, line };
}

describe('the data directory lock', () => {
  const dirs: string[] = [];
  const children: { kill(): void }[] = [];
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const c of children.splice(0)) c.kill();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('refuses a directory a live server process holds', async () => {
    const dir = newDir();
    const { child, line } = shell('echo $$; exec sleep 30');
    children.push(child);
    const pid = await line;
    writeFileSync(join(dir, 'server.pid'), JSON.stringify({ pid, start: startOf(pid) }));
    expect(() => lockDataDir(dir)).toThrow(`the server (pid ${pid}) is using ${dir}`);
    expect(() => assertDataDirFree(dir)).toThrow(/is using/);
  });

  it('takes over from a holder killed with -9 and not yet reaped (a zombie)', async () => {
    const dir = newDir();
    // `sleep 0` ends at once; its parent becomes `sleep 30`, which never reaps it.
    const { child, line } = shell('sleep 0 & echo $!; exec sleep 30');
    children.push(child);
    const zombie = await line;
    await new Promise((r) => setTimeout(r, 200));
    expect(readFileSync(`/proc/${zombie}/stat`, 'utf8')).toMatch(/\) Z /);
    writeFileSync(join(dir, 'server.pid'), String(zombie));
    expect(isLiveHolder({ pid: zombie })).toBe(false);
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, 'server.pid'), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });

  it('takes over from a dead pid, and from a pid reused by another process', () => {
    const dir = newDir();
    writeFileSync(join(dir, 'server.pid'), String(2 ** 22 + 1));
    lockDataDir(dir)();
    // This test's own runner is alive, but started at another time than the mark says.
    const other = process.ppid;
    writeFileSync(join(dir, 'server.pid'), JSON.stringify({ pid: other, start: startOf(other) + 1 }));
    expect(isLiveHolder({ pid: other, start: startOf(other) })).toBe(true);
    lockDataDir(dir)();
  });

  it('releases only its own mark', () => {
    const dir = newDir();
    const release = lockDataDir(dir);
    writeFileSync(join(dir, 'server.pid'), JSON.stringify({ pid: process.ppid, start: startOf(process.ppid) }));
    release();
    expect(readFileSync(join(dir, 'server.pid'), 'utf8')).toContain(String(process.ppid));
  });
});
