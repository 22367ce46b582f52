import type { RequestHandler, Response } from 'express';
import type { Principal, TokenResolver } from '../auth/principal.ts';
import { bearerToken, type Role } from '../auth/tokens.ts';
import { HttpError } from './http-error.ts';

/** Resolves `Authorization: Bearer …`; missing, unknown or revoked → 401. */
export function authenticate(resolver: TokenResolver): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.get('authorization'));
    const principal = token ? await resolver.resolve(token) : undefined;
    if (!principal) {
      next(new HttpError(401, 'unauthorized', token ? 'unknown or revoked token' : 'missing bearer token'));
      return;
    }
    res.locals.principal = principal;
    next();
  };
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}

/** Valid token, wrong role → 403. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const { role } = principalOf(res);
    next(roles.includes(role) ? undefined : new HttpError(403, 'forbidden', `a ${role} token cannot do this`));
  };
}

/** The tenant a staff principal acts for. */
export function tenantOf(res: Response): string {
  const { tenantId } = principalOf(res);
  if (!tenantId) throw new HttpError(403, 'forbidden', 'this token has no tenant');
  return tenantId;
}
