// `node --import tsx bench/lib/trace-split.ts trace.json [functions]`: where a bump's time goes in
// a Chrome trace written by `BENCH_TRACE` (bench/kitchen.ts). Per bump, on the renderer's main
// thread: keypress → commit split into script (CPU profile samples), GC, style and layout; frame →
// painted into style, layout, pre-paint, paint, layerize and commit. Prints medians and p90s, and
// with `functions` the functions that took the most of keypress → commit (self and total).
import { readFileSync } from 'node:fs';
import { percentile } from './stats.ts';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: ProfileData };
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
}
interface ProfileData {
  startTime?: number;
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

const phases = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest'] as const;
const mark = (n: string) => `ks:bump:${n}`;

function load(file: string): TraceEvent[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(json) ? json : json.traceEvents;
}

/** Complete events (X, or B/E pairs) of one thread with their end times. */
function spans(events: TraceEvent[], pid: number, tid: number): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const open: TraceEvent[] = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X') out.push({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0) });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) out.push({ name: b.name, start: b.ts, end: e.ts });
    }
  }
  return out;
}

/** Spans not inside another of the list (a Paint of #document holds the Paint of its HTML element). */
function outermost<T extends { start: number; end: number }>(list: T[]): T[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  let end = -Infinity;
  return sorted.filter((s) => {
    if (s.start < end) return false;
    end = s.end;
    return true;
  });
}

/** Every sample of the profiles recorded in process `pid`: time and stack (leaf first). */
function samples(events: TraceEvent[], pid: number): { at: number; stack: ProfileNode[] }[] {
  const nodes = new Map<number, ProfileNode>();
  const out: { at: number; stack: ProfileNode[] }[] = [];
  const clock = new Map<string, number>();
  const raw: { at: number; node: number }[] = [];
  for (const e of events) {
    if (e.pid !== pid) continue;
    const data = e.args?.data;
    if (e.name === 'Profile' && data?.startTime !== undefined) clock.set(e.id ?? '', data.startTime);
    if (e.name !== 'ProfileChunk' || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let at = clock.get(e.id ?? '') ?? 0;
    (data.cpuProfile?.samples ?? []).forEach((node, i) => {
      at += data.timeDeltas?.[i] ?? 0;
      raw.push({ at, node });
    });
    clock.set(e.id ?? '', at);
  }
  for (const { at, node } of raw) {
    const stack: ProfileNode[] = [];
    for (let n = nodes.get(node); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) stack.push(n);
    out.push({ at, stack });
  }
  return out.sort((a, b) => a.at - b.at);
}

const idle = new Set(['(idle)', '(program)', '(root)']);
const frameName = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').split('/').pop()}:${(n.callFrame.lineNumber ?? -1) + 1}`;

function main(file: string, functions: boolean): void {
  const events = load(file);
  const keys = events.filter((e) => e.name === mark('key') && e.ph !== 'e');
  const first = keys[0];
  if (!first) throw new Error(`no ${mark('key')} marks in ${file}`);
  const { pid, tid } = first;
  const at = (name: string) => events.filter((e) => e.pid === pid && e.name === mark(name) && e.ph !== 'e').map((e) => e.ts);
  const [key, commit, frame, painted] = [at('key'), at('commit'), at('frame'), at('painted')];
  const thread = spans(events, pid, tid);
  const profile = samples(events, pid);
  const rows = new Map<string, number[]>();
  const add = (row: string, ms: number) => rows.set(row, [...(rows.get(row) ?? []), ms]);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const clip = (s: { start: number; end: number }, from: number, to: number) => Math.max(0, Math.min(s.end, to) - Math.max(s.start, from)) / 1000;
  key.forEach((k) => {
    const c = commit.find((t) => t >= k);
    const f = frame.find((t) => t >= (c ?? Infinity));
    const p = painted.find((t) => t >= (f ?? Infinity));
    if (c === undefined || f === undefined || p === undefined) return;
    for (const [label, from, to] of [['key → commit', k, c], ['frame → painted', f, p]] as const) {
      add(`${label}: wall`, (to - from) / 1000);
      for (const phase of phases) add(`${label}: ${phase}`, outermost(thread.filter((s) => s.name === phase)).reduce((sum, s) => sum + clip(s, from, to), 0));
      let script = 0;
      let gc = 0;
      const inWindow = profile.filter((s) => s.at > from && s.at <= to);
      inWindow.forEach((s, j) => {
        const dt = ((inWindow[j + 1]?.at ?? to) - s.at) / 1000;
        const leaf = s.stack[0];
        if (!leaf || idle.has(leaf.callFrame.functionName)) return;
        if (leaf.callFrame.functionName === '(garbage collector)') gc += dt;
        else script += dt;
        if (label !== 'key → commit') return;
        self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + dt);
        for (const name of new Set(s.stack.map(frameName))) total.set(name, (total.get(name) ?? 0) + dt);
      });
      add(`${label}: script (samples)`, script);
      add(`${label}: GC (samples)`, gc);
    }
  });
  const n = rows.get('key → commit: wall')?.length ?? 0;
  console.log(`${file}: ${n} bumps; ms per bump on the renderer's main thread`);
  for (const [row, xs] of rows) console.log(`  ${row.padEnd(36)} median ${percentile(xs, 50).toFixed(2).padStart(6)}   p90 ${percentile(xs, 90).toFixed(2).padStart(6)}`);
  if (!functions) return;
  const top = (m: Map<string, number>, k: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, k).forEach(([name, ms]) => console.log(`  ${(ms / n).toFixed(2).padStart(6)} ms  ${name}`));
  console.log('\nkeypress → commit, self time per bump (top 25):');
  top(self, 25);
  console.log('\nkeypress → commit, total time per bump (top 45):');
  top(total, 45);
}

main(process.argv[2] ?? 'trace.json', process.argv[3] === 'functions');
