import { loadEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { startKitchensync } from './runtime.ts';

const env = loadEnv();
const logger = createLogger(env);
const running = await startKitchensync(env, logger);

// The plain lines people (and scripts) read go to stdout; logs are JSON on stderr.
process.stdout.write(`kitchensync listening on ${running.url}\n`);
if (running.adminTokenGenerated) process.stdout.write(`admin token: ${running.adminToken}\n`);
if (running.demo) {
  const { tenant, manager, kitchen } = running.demo;
  process.stdout.write(
    `demo tenant "${tenant.name}" (${tenant.id})\n  manager token: ${manager.token}\n  kitchen token: ${kitchen.token}\n` +
      `  dashboard: ${running.url}/   kitchen display: ${running.url}/kitchen/\n`,
  );
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    void running.close().then(() => process.exit(0));
  });
}
