// Layering of the server and the workspace, checked by `pnpm lint` (dependency-cruiser).
// shared/'s purity (no I/O modules) is eslint's rule; these are the directions between layers.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'sync-without-http',
      comment:
        'The sync core (push, pull, pokes) knows nothing of HTTP: it throws domain errors, the HTTP edge maps them. ' +
        "Except push.ts and pull.ts, which are Replicache's two HTTP endpoints (their protocol errors go out as HTTP 200): each parses its request and answers it.",
      severity: 'error',
      from: { path: '^server/src/sync/', pathNot: '^server/src/sync/(push|pull)\\.ts$' },
      to: { path: '^server/src/(http|api)/' },
    },
    {
      name: 'db-below-everything',
      comment: 'server/src/db is the storage layer: it imports no layer above it.',
      severity: 'error',
      from: { path: '^server/src/db/' },
      to: { path: '^server/src/(sync|api|http|hub|auth|admin|seed)/' },
    },
    {
      name: 'shared-depends-on-nothing-of-ours',
      comment: 'DESIGN.md: shared depends on nothing of ours.',
      severity: 'error',
      from: { path: '^shared/src/' },
      to: { path: '^(server|kitchen-app|dashboard|sync-client|test|bench)/' },
    },
    {
      name: 'ui-never-imports-server',
      comment: 'DESIGN.md: UI packages never import server code.',
      severity: 'error',
      from: { path: '^(kitchen-app|dashboard|sync-client)/' },
      to: { path: '^server/' },
    },
    {
      name: 'nothing-depends-on-test-or-bench',
      severity: 'error',
      from: { path: '^(shared|server|kitchen-app|dashboard|sync-client)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|out|build)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
