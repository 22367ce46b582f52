import express, { type RequestHandler } from 'express';
import { jsonProblem, maxJsonDepth } from '../db/storable-text.ts';
import { HttpError } from './http-error.ts';

/**
 * JSON bodies up to `limit`, on every method (a GET may carry one too). Nesting deeper than any
 * request needs is refused here, before a validator or storability check walks it and a
 * 5,000-level body overflows the stack.
 */
export function jsonBody(limit: number | string): RequestHandler[] {
  const refuseDeep: RequestHandler = (req, _res, next) => {
    if (req.body !== null && typeof req.body === 'object' && jsonProblem(req.body) === 'too_deep') {
      next(new HttpError(400, 'invalid_request', `body nested deeper than ${maxJsonDepth} levels`));
      return;
    }
    next();
  };
  return [express.json({ limit }), refuseDeep];
}
