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
