import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';

/** Vite names built files `name-<8 url-safe chars>.ext` under assets/: their content never changes. */
const hashedAsset = /(^|\/)assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;
const immutable = 'public, max-age=31536000, immutable';
/** Pages and unhashed files (the service worker) must be asked for again each time. */
const revalidate = 'no-cache';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.webmanifest', '.txt']);

type Encoding = 'br' | 'gzip' | 'identity';

interface Entry {
  readonly mtimeMs: number;
  readonly bodies: Partial<Record<Encoding, Buffer>>;
}

/** Brotli if the client takes it, else gzip, else the plain bytes (q=0 means "not this one"). */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !q || Number.parseFloat(q.replace(/^\s*q=/, '')) > 0)
      .map(([name]) => name),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

function encode(raw: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'br') return brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  if (encoding === 'gzip') return gzipSync(raw, { level: 9 });
  return raw;
}

/**
 * Serves one built UI folder: hashed assets cached for a year, everything else revalidated (ETag),
 * text compressed by `Accept-Encoding`. Each file is compressed once, on first request, and kept in
 * memory until it changes on disk, so a rebuild is picked up without a restart.
 */
export class StaticFiles {
  readonly #root: string;
  readonly #cache = new Map<string, Entry>();

  constructor(root: string) {
    this.#root = normalize(root + sep);
  }

  /** Middleware: answers GET/HEAD for files that exist, passes everything else on. */
  handler(): RequestHandler {
    return (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const relative = decodeURIComponent(req.path).replace(/^\/+/, '');
      if (relative === '' || relative.endsWith('/')) return next();
      this.send(req, res, relative).then((sent) => (sent ? undefined : next()), next);
    };
  }

  /** Sends `relative` (a path inside the root); false when there is no such file. */
  async send(req: Request, res: Response, relative: string): Promise<boolean> {
    const path = normalize(join(this.#root, relative));
    if (!path.startsWith(this.#root)) return false;
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return false;
    const ext = extname(path).toLowerCase();
    const encoding = compressible.has(ext) && info.size > 512 ? pickEncoding(req.get('accept-encoding')) : 'identity';
    const body = await this.#body(path, info.mtimeMs, encoding);
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}-${encoding}"`;

    res.set('Cache-Control', hashedAsset.test(relative.split(sep).join('/')) ? immutable : revalidate);
    res.set('Content-Type', types[ext] ?? 'application/octet-stream');
    res.set('ETag', etag);
    if (compressible.has(ext)) res.vary('Accept-Encoding');
    if (encoding !== 'identity') res.set('Content-Encoding', encoding);
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return true;
    }
    res.set('Content-Length', String(body.length));
    if (req.method === 'HEAD') res.end();
    else res.end(body);
    return true;
  }

  async #body(path: string, mtimeMs: number, encoding: Encoding): Promise<Buffer> {
    let entry = this.#cache.get(path);
    if (entry?.mtimeMs !== mtimeMs) {
      entry = { mtimeMs, bodies: { identity: await readFile(path) } };
      this.#cache.set(path, entry);
    }
    const raw = entry.bodies.identity as Buffer;
    return (entry.bodies[encoding] ??= encode(raw, encoding));
  }
}
