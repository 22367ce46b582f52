import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TestServer } from '../support/server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const run = promisify(execFile);
// No telemetry or update check from a linter run in CI.
const quiet = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

/** Two path templates one URL could match, neither more concrete than the other at every segment. */
function ambiguous(a: string, b: string): boolean {
  const as = a.split('/');
  const bs = b.split('/');
  if (as.length !== bs.length) return false;
  const templated = (s: string) => /^\{.+\}$/.test(s);
  let aFirst = false;
  let bFirst = false;
  for (const [i, sa] of as.entries()) {
    const sb = bs[i] as string;
    if (templated(sa) && !templated(sb)) bFirst = true;
    else if (templated(sb) && !templated(sa)) aFirst = true;
    else if (!templated(sa) && sa !== sb) return false;
  }
  return aFirst && bFirst;
}

/** The document as the server serves it, linted by the tools integrators point at it. */
describe('the OpenAPI document lints clean', () => {
  let server: TestServer;
  let doc: { paths: Record<string, Record<string, unknown>> };
  let dir: string;
  let file: string;
  beforeAll(async () => {
    server = await startServer();
    doc = (await api(server, undefined, 'GET', '/api/openapi.json')).body;
    dir = mkdtempSync(join(tmpdir(), 'ks-openapi-'));
    file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("with redocly's recommended rules: no error, no warning", async () => {
    const { stdout } = await run(bin('redocly'), ['lint', '--config', join(root, 'redocly.yaml'), '--format', 'json', file], { env: quiet });
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number; ignored: number }; problems: { ruleId: string; message: string }[] };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  }, 60_000);

  it("with spectral's spectral:oas ruleset: no error, no warning, no hint", async () => {
    const { stdout } = await run(bin('spectral'), ['lint', file, '--ruleset', join(root, '.spectral.yaml'), '-f', 'json', '--quiet'], { env: quiet });
    const problems = JSON.parse(stdout || '[]') as { code: string; message: string; path: string[] }[];
    expect(problems.map((p) => `${p.code}: ${p.message} at ${p.path.join('.')}`)).toEqual([]);
  }, 60_000);

  it('no two paths one URL could match share a method (what redocly.yaml turns no-ambiguous-paths off for)', () => {
    const paths = Object.keys(doc.paths);
    const clashes: string[] = [];
    for (const [i, a] of paths.entries()) {
      for (const b of paths.slice(i + 1)) {
        if (!ambiguous(a, b)) continue;
        const shared = Object.keys(doc.paths[a] ?? {}).filter((m) => m in (doc.paths[b] ?? {}));
        if (shared.length > 0) clashes.push(`${shared.join(',')} ${a} vs ${b}`);
      }
    }
    expect(clashes).toEqual([]);
    // The rule would have flagged this pair: the check above does look at it.
    expect(ambiguous('/api/kitchen/orders/by-order/{orderId}', '/api/kitchen/orders/{id}/status')).toBe(true);
  });
});
