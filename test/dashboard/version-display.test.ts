import { clientSchemaVersion, release } from '@kitchensync/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startServer, type TestServer } from '../support/server.ts';
import { launchChromium, managerContext } from './helpers/browser.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the dashboard shows its own version and the server’s', () => {
  const expected = `app ${release} (schema ${clientSchemaVersion}) · server ${release}`;

  it("the dashboard's Restaurant page", async () => {
    const tenant = await createTenant(server);
    const context = await managerContext(browser, tenant.managerToken);
    const page = await context.newPage();
    await page.goto(`${server.url}/restaurant`);
    await expect.poll(() => page.locator('[data-version-line]').textContent(), { timeout: 60_000 }).toBe(expected);
    expect(await page.locator('[data-version-line]').getAttribute('data-update-required')).toBe('false');
    await context.close();
  }, 240_000);
});
