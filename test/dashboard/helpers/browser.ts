import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Screenshots land here (git-ignored; see dashboard/README.md). */
export const artifactsDir = fileURLToPath(new URL('../../../test-artifacts/dashboard/', import.meta.url));

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

/** A phone-sized context, as a customer opens the tracking link. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}

/** The dashboard remembers its sign-in here (dashboard/src/config.ts). */
export const sessionKey = 'kitchensync.dashboard.session';

export type Screen = 'phone' | 'tablet' | 'desktop';
const screens: Record<Screen, { viewport: { width: number; height: number }; isMobile: boolean }> = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true },
  tablet: { viewport: { width: 768, height: 1024 }, isMobile: true },
  desktop: { viewport: { width: 1440, height: 900 }, isMobile: false },
};

/** A context already signed in as the manager (the sign-in form has its own test); desktop unless asked. */
export async function managerContext(browser: Browser, token: string, screen: Screen = 'desktop'): Promise<BrowserContext> {
  const { viewport, isMobile } = screens[screen];
  const context = await browser.newContext({ viewport, ...(isMobile ? { isMobile, hasTouch: true, deviceScaleFactor: 2 } : {}) });
  await context.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    },
    [sessionKey, JSON.stringify({ token, role: 'manager' })] as const,
  );
  return context;
}

/** Waits until the dashboard's sync status says the server is connected and nothing is pending. */
export async function waitSynced(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForSelector('.sync-status[data-level="ok"]', { timeout });
}

/**
 * Whether this page's IndexedDB holds `text` anywhere: the replica as it would come back after a
 * reload, read from the real store rather than from what the page shows (which is in memory).
 */
export function onDevice(page: Page, text: string): Promise<boolean> {
  return page.evaluate(async (wanted) => {
    const holds = (name: string) =>
      new Promise<boolean>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const stores = [...db.objectStoreNames];
          if (stores.length === 0) return resolve(false);
          const reading = db.transaction(stores, 'readonly');
          let found = false;
          for (const store of stores) {
            reading.objectStore(store).openCursor().onsuccess = (event) => {
              const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
              if (!cursor || found) return;
              if (JSON.stringify(cursor.value).includes(wanted)) found = true;
              else cursor.continue();
            };
          }
          reading.oncomplete = () => {
            db.close();
            resolve(found);
          };
        };
      });
    const names = (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : []));
    return (await Promise.all(names.map(holds))).some(Boolean);
  }, text);
}
