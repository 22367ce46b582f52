import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface AxeCounts {
  readonly critical: number;
  readonly serious: number;
  /** "rule-id: first target" of each critical or serious violation, to say what is wrong. */
  readonly details: string[];
}

/** Runs axe-core in the page (injected from the installed package) and counts what matters. */
export async function axeCounts(page: Page): Promise<AxeCounts> {
  // Evaluated over the DevTools protocol: the page's CSP (script-src 'self') refuses inline script tags.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, target: JSON.stringify(v.nodes[0]?.target ?? []) }));
  });
  const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  return {
    critical: bad.filter((v) => v.impact === 'critical').length,
    serious: bad.filter((v) => v.impact === 'serious').length,
    details: bad.map((v) => `${v.id}: ${v.target}`),
  };
}
