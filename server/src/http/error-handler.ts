import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isDomainError, type DomainErrorCode } from '@kitchensync/shared';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/database-errors.ts';
import { HttpError } from './http-error.ts';

const domainStatus: Record<DomainErrorCode, number> = {
  illegal_transition: 409,
  already_exists: 409,
  no_station: 409,
  sold_out: 409,
  modifier_required: 400,
  modifier_limit: 400,
  not_found: 404,
  invalid_args: 422,
  unknown_mutator: 400,
  forbidden: 403,
  internal_error: 500,
};

/** body-parser's failures, by its `type`. */
const bodyErrors: Record<string, [number, string]> = {
  'entity.too.large': [413, 'body_too_large'],
  'entity.parse.failed': [400, 'malformed_json'],
  'encoding.unsupported': [415, 'unsupported_encoding'],
  'charset.unsupported': [415, 'unsupported_charset'],
};

/** Codes for the client errors express and body-parser raise without a `type` (a corrupt gzip body, bad %-encoding). */
const statusCodes: Record<number, string> = { 400: 'invalid_request', 408: 'request_timeout', 413: 'body_too_large', 415: 'unsupported_encoding' };

/** Seconds a client should wait before retrying while the database is away. */
export const databaseRetryAfterSeconds = 2;

function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (isDomainError(err)) return new HttpError(domainStatus[err.code], err.code, err.message, err.details);
  if (isDatabaseUnavailable(err)) return new HttpError(503, 'database_unavailable', 'the database cannot be reached; try again shortly');
  const { type, status, expose } = (err ?? {}) as { type?: unknown; status?: unknown; expose?: unknown };
  const known = typeof type === 'string' ? bodyErrors[type] : undefined;
  if (known) return new HttpError(known[0], known[1], (err as Error).message);
  // http-errors marks the ones a client caused as `expose`: their message is safe to send back.
  if (typeof status === 'number' && status >= 400 && status < 500 && expose !== false) {
    const message = err instanceof URIError ? 'a path parameter has invalid percent-encoding' : (err as Error).message;
    return new HttpError(status, statusCodes[status] ?? 'invalid_request', message);
  }
  return new HttpError(500, 'internal_error', 'internal error');
}

/** The one place errors become HTTP: `{error: {code, message, details?}}`. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const http = toHttpError(err);
    if (http.status === 503) {
      logger.warn({ err }, 'database unavailable');
      res.set('Retry-After', String(databaseRetryAfterSeconds));
    } else if (http.status >= 500) logger.error({ err }, 'request failed');
    res.status(http.status).json({
      error: { code: http.code, message: http.message, ...(http.details === undefined ? {} : { details: http.details }) },
    });
  };
}

export const noRoute: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route for ${req.method} ${req.path}`));
};
