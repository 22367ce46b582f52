import type { RequestHandler } from 'express';
import { HttpError } from './http-error.ts';

/** Origin form (`/api/…`) or absolute form (`http://host/api/…`); anything else names no resource here. */
const servedTarget = /^(\/|https?:\/\/)/i;

/**
 * Requests Node or express would refuse bare (no Host header: an empty 400) or with express's
 * HTML page (an asterisk target, `OPTIONS *` included: no server-wide options are offered) get
 * the API's `{error: {code, message}}` instead. The server is created with `requireHostHeader:
 * false` so that this check, not Node's, answers them.
 */
export const requestTarget: RequestHandler = (req, _res, next) => {
  const needsHost = req.httpVersionMajor > 1 || (req.httpVersionMajor === 1 && req.httpVersionMinor >= 1);
  if (needsHost && !req.headers.host) next(new HttpError(400, 'bad_request', 'an HTTP/1.1 request must carry a Host header'));
  else if (!servedTarget.test(req.url)) next(new HttpError(400, 'bad_request', `the request target ${JSON.stringify(req.url.slice(0, 40))} names no resource: send a path such as /api/health`));
  else next();
};
