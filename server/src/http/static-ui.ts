import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { StaticFiles } from './static-files.ts';

/** The workspace root, found upwards from this module: the same from src/ (tsx) and from dist/ (node). */
function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('kitchensync: workspace root (pnpm-workspace.yaml) not found above the server');
    dir = up;
  }
  return dir;
}

/**
 * Serves the built UIs: the dashboard at `/`, its customer tracker (a separate, small page) at
 * `/track/:token`, the kitchen renderer at `/kitchen/`. A UI not built yet answers with a hint instead.
 */
export function staticUi(): Router {
  const router = Router();
  const root = workspaceRoot();
  const dashboard = join(root, 'dashboard/dist');
  const kitchen = join(root, 'kitchen-app/dist/renderer');
  const missing = (what: string) => (_req: express.Request, res: express.Response) =>
    res.status(503).type('text/plain').send(`${what} is not built: run \`pnpm -r build\``);
  const page = (files: StaticFiles, name: string): express.RequestHandler => (req, res, next) => {
    files.send(req, res, name).then((sent) => (sent ? undefined : next()), next);
  };

  if (existsSync(kitchen)) {
    const files = new StaticFiles(kitchen);
    // Its page links assets relatively (it also runs from file:// in Electron): keep the slash.
    router.get(/^\/kitchen$/, (_req, res) => res.redirect(301, '/kitchen/'));
    router.use('/kitchen', files.handler());
    router.get(/^\/kitchen\/$/, page(files, 'index.html'));
  } else router.get(/^\/kitchen(\/.*)?$/, missing('the kitchen app'));
  if (existsSync(dashboard)) {
    const files = new StaticFiles(dashboard);
    router.use(files.handler());
    router.get(/^\/track(\/.*)?$/, page(files, 'tracker.html'));
    // A missing build file is a 404: the page in its place would be cached as that script.
    router.get(/^\/assets\//, (_req, res) => res.status(404).type('text/plain').send('no such file'));
    router.get(/^\/(?!api\/|kitchen\/).*/, page(files, 'index.html'));
  } else router.get(/^\/(?!api\/).*/, missing('the dashboard'));
  return router;
}
