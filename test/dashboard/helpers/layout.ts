import type { Locator, Page } from 'playwright-core';

/**
 * Elements that stick out past the right edge of the viewport, or past a scrolling box (both mean
 * horizontal scrolling); what a box clips on purpose (an ellipsis) does not count.
 * Also the document's own scroll width, which must not exceed the viewport.
 */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; viewport: number; offenders: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    const offenders: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let limit = viewport;
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const overflowX = getComputedStyle(a).overflowX;
        if (overflowX === 'hidden' || overflowX === 'clip') clipped = true;
        if (overflowX !== 'visible') limit = Math.min(limit, a.getBoundingClientRect().right);
      }
      if (!clipped && rect.right > limit + 1) offenders.push(`${describe(el)} right=${Math.round(rect.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, viewport, offenders: offenders.slice(0, 10) };
  });
}

/** Whether a control can be used where it is: visible, inside the viewport's width, not covered. */
export async function reachable(locator: Locator): Promise<boolean> {
  await locator.scrollIntoViewIfNeeded();
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.left < 0 || r.right > document.documentElement.clientWidth + 1) return false;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top !== null && (top === el || el.contains(top) || top.contains(el));
  });
}

/** Visible buttons, inputs, selects and links styled as buttons that are not wholly inside the viewport's width. */
export async function controlsOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll('button, input:not([type=hidden]), select, textarea, a.btn, [role=button]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (r.left < -0.5 || r.right > width + 0.5) {
        const label = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.getAttribute('name') ?? '').trim().slice(0, 30);
        out.push(`${el.tagName.toLowerCase()} "${label}" x=${Math.round(r.left)}..${Math.round(r.right)}`);
      }
    }
    return out;
  });
}

/** Amounts of money (€12.50) that the layout broke over two lines. */
export async function brokenMoney(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? '').matchAll(/[€£$]\s?\d[\d,.]*/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
}
