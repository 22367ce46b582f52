import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';

const dist = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const yearImmutable = 'public, max-age=31536000, immutable';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A plain GET that shows the bytes as sent (fetch would decompress them out of sight). */
function get(server: TestServer, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (r: Raw) =>
  r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(async () => server?.stop());

describe('how the server ships the built UIs', () => {
  it('the dashboard page is compressed and revalidated; its hashed JS is compressed and cached for a year', async () => {
    const page = await get(server, '/orders/new', { 'accept-encoding': 'gzip, deflate, br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.vary).toMatch(/Accept-Encoding/i);
    const html = decoded(page).toString('utf8');
    const script = /<script type="module" crossorigin src="(\/assets\/main-[\w-]{8}\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();

    const again = await get(server, '/orders/new', { 'accept-encoding': 'br', 'if-none-match': String(page.headers.etag) });
    expect(again.status).toBe(304);

    const raw = readFileSync(dist(`dashboard/dist${script}`));
    const br = await get(server, script as string, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['cache-control']).toBe(yearImmutable);
    expect(br.headers['content-encoding']).toBe('br');
    expect(decoded(br).equals(raw)).toBe(true);
    const gz = await get(server, script as string, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).equals(raw)).toBe(true);
    const plain = await get(server, script as string, { 'accept-encoding': 'br;q=0, identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);
    console.info(`dashboard JS: ${raw.length} B raw, ${gz.body.length} B gzip, ${br.body.length} B brotli`);
    expect(br.body.length).toBeLessThan(raw.length / 3);
  });

  it('the tracker page is its own small page, compressed and revalidated', async () => {
    const page = await get(server, '/track/ks_customer_abcdefghijklmnop', { 'accept-encoding': 'gzip' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = decoded(page).toString('utf8');
    expect(html).toContain('<title>Order tracking</title>');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('the kitchen renderer at /kitchen/ gets the same treatment', async () => {
    const page = await get(server, '/kitchen/', { 'accept-encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /src="\.\/(assets\/[\w-]+\.js)"/.exec(decoded(page).toString('utf8'))?.[1];
    expect(script).toBeDefined();
    const js = await get(server, `/kitchen/${script}`, { 'accept-encoding': 'br' });
    expect(js.headers['content-encoding']).toBe('br');
    // Vite names the kitchen build `index-<hash>.js` too: a year, immutable.
    expect(js.headers['cache-control']).toBe(yearImmutable);
    expect((await get(server, '/kitchen')).status).toBe(301);
  });

  it('a path outside the build is not served, and a missing asset is a 404, not the page', async () => {
    expect((await get(server, '/assets/..%2f..%2fpackage.json')).headers['content-type']).not.toMatch(/json/);
    expect((await get(server, '/assets/main-00000000.js')).status).toBe(404);
  });
});

describe('the tracker build', () => {
  it('ships its JavaScript inside the page, within 60 kB gzipped, and no other file', () => {
    const html = readFileSync(dist('dashboard/dist/tracker.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(1);
    const gzipped = gzipSync(scripts.join('')).length;
    console.info(`tracker JS: ${scripts.join('').length} B raw, ${gzipped} B gzip; whole page ${gzipSync(html).length} B gzip`);
    expect(gzipped).toBeLessThanOrEqual(60 * 1024);
    expect(html).not.toMatch(/<script[^>]+src=|<link rel="stylesheet"/);
  });
});
