import { readdirSync, readFileSync } from 'node:fs';

/** Linux clock ticks per second (`getconf CLK_TCK`); 100 on every kernel we run on. */
const ticksPerSecond = 100;

function cpuSecondsOf(pid: string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by the server process, and by the Postgres backends serving `database`. */
export function cpuSeconds(serverPid: number, database: string | undefined): { server: number; postgres: number } {
  let postgres = 0;
  if (database) {
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (cmdline.startsWith('postgres:') && cmdline.includes(` ${database} `)) postgres += cpuSecondsOf(pid);
    }
  }
  return { server: cpuSecondsOf(String(serverPid)), postgres };
}
