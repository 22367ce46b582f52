import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.ts';

/** One structured line per request, with tenant and latency. */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const principal = res.locals.principal as Principal | undefined;
      logger.info({
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - start) / 1e6,
        tenant: principal?.tenantId,
        role: principal?.role,
      });
    });
    next();
  };
}
