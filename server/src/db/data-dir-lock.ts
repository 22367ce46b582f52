import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An embedded PGlite directory must have one process at a time. The server marks the directory
 * with its pid and start time; the CLI refuses to open it while that process lives (use the admin
 * API instead), and so does a second server.
 *
 * A process killed with -9 holds the mark until the kernel has torn it down and its parent reaped
 * it, which a supervisor restarting at once (systemd `Restart=always`) would run into. Such a
 * process runs no more code and writes nothing, so it does not count: on Linux a holder whose
 * /proc entry is gone, is a zombie, is exiting (the kernel's PF_EXITING flag) or started at
 * another time (its pid reused) has released the directory.
 */
const lockFile = (dataDir: string) => join(dataDir, 'server.pid');

interface Holder {
  pid: number;
  /** Start time in clock ticks since boot (field 22 of /proc/PID/stat); absent off Linux. */
  start?: number;
}

/** PF_EXITING in include/linux/sched.h: the task is in do_exit(). */
const exitingFlag = 0x4;

/** Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses). */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

const hasProc = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/** This process's holder record: its pid and, on Linux, its start time. */
function self(): Holder {
  const fields = procStat(process.pid);
  return fields ? { pid: process.pid, start: Number(fields[19]) } : { pid: process.pid };
}

/** Whether `holder` is a process that can still write: alive, not exiting, and the same process. */
export function isLiveHolder(holder: Holder): boolean {
  if (!hasProc) {
    try {
      process.kill(holder.pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  const fields = procStat(holder.pid);
  if (!fields) return false;
  const [state, , , , , , flags] = fields;
  if (state === 'Z' || state === 'X' || (Number(flags) & exitingFlag) !== 0) return false;
  return holder.start === undefined || Number(fields[19]) === holder.start;
}

/** The holder written in the lock file (a bare pid from an earlier release), if any. */
function readHolder(file: string): Holder | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = /^\d+$/.test(text.trim()) ? { pid: Number(text) } : (JSON.parse(text) as Holder);
    return Number.isInteger(parsed.pid) && parsed.pid > 0 ? parsed : undefined;
  } catch {
    return undefined; // a torn or foreign file names no live holder
  }
}

const inUse = (pid: number, dataDir: string) => new Error(`the server (pid ${pid}) is using ${dataDir}; stop it first, or use the admin API`);

export function assertDataDirFree(dataDir: string): void {
  const holder = readHolder(lockFile(dataDir));
  if (holder && holder.pid !== process.pid && isLiveHolder(holder)) throw inUse(holder.pid, dataDir);
}

/**
 * Takes the directory: the lock file is created exclusively, so of two servers starting at once
 * one wins; a file left by a dead or dying holder is removed and the creation tried again.
 * Returns the release, which removes the file only while it is still this process's.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = lockFile(dataDir);
  const mine = JSON.stringify(self());
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      return () => {
        if (readHolder(file) && readFileSync(file, 'utf8') === mine) rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(file);
    if (holder && holder.pid !== process.pid && isLiveHolder(holder)) throw inUse(holder.pid, dataDir);
    rmSync(file, { force: true });
  }
  throw new Error(`could not take ${dataDir}: another server keeps starting on it`);
}
