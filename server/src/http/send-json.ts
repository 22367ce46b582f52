import type { Response } from 'express';

/**
 * A 200 JSON answer for the sync endpoints, written as is: express's `res.json` would also hash
 * the body for an ETag and look its type up again, which a POST's answer never uses, on the two
 * requests every screen sends most.
 */
export function sendJson(res: Response, body: unknown, serverTiming: string): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'server-timing': serverTiming });
  res.end(text);
}
