import type { Locator, Page } from 'playwright-core';

/** Whether each element is wholly on screen: inside the viewport and inside the rail, so nothing clips it. */
export function fullyVisible(elements: Locator): Promise<boolean[]> {
  return elements.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const rail = el.closest('.rail__grid, .expo')?.getBoundingClientRect();
      const card = el.closest('article');
      const inView = r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight + 0.5 && r.right <= window.innerWidth + 0.5;
      // 1.5 px: the packed rail rounds card heights to whole pixels, so a card's last border pixel may meet the rail's edge.
      const inRail = !rail || (r.top >= rail.top - 0.5 && r.bottom <= rail.bottom + 1.5 && r.right <= rail.right + 0.5);
      const notClipped = !card || card.scrollHeight <= card.clientHeight + 1;
      return r.height > 0 && inView && inRail && notClipped;
    }),
  );
}

/** Cards of the rail's current page that are wholly on screen. */
export async function visibleCards(page: Page): Promise<number> {
  return (await fullyVisible(page.locator('article.ticket'))).filter(Boolean).length;
}

/** Presses `j` until the ticket whose id starts with `orderId.` is selected (at most `max` times). */
export async function selectTicket(page: Page, orderId: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const id = await page.locator('article.ticket[data-selected="true"]').first().getAttribute('data-ticket-id');
    if (id?.startsWith(`${orderId}.`)) return;
    await page.keyboard.press('j');
  }
  throw new Error(`ticket of ${orderId} never got selected`);
}
