import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const dist = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/**
 * Serves the built UIs: the dashboard at `/` (and its customer tracker at `/track/:token`), the
 * kitchen renderer at `/kitchen/`. A UI not built yet answers with a hint instead.
 */
export function staticUi(): Router {
  const router = Router();
  const dashboard = dist('dashboard/dist');
  const kitchen = dist('kitchen-app/dist/renderer');
  const missing = (what: string) => (_req: express.Request, res: express.Response) =>
    res.status(503).type('text/plain').send(`${what} is not built: run \`pnpm -r build\``);

  if (existsSync(kitchen)) {
    router.use('/kitchen', express.static(kitchen, { index: 'index.html' }));
  } else router.get(/^\/kitchen(\/.*)?$/, missing('the kitchen app'));
  if (existsSync(dashboard)) {
    router.use(express.static(dashboard, { index: 'index.html' }));
    router.get(/^\/(?!api\/|kitchen\/).*/, (_req, res) => res.sendFile(`${dashboard}/index.html`));
  } else router.get(/^\/(?!api\/).*/, missing('the dashboard'));
  return router;
}
