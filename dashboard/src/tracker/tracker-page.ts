import { modifierLines, type Order } from '@kitchensync/shared';
import { config } from '../config.ts';
import { etaFor } from '../model/eta.ts';
import { formatClock, formatMoney, displayNumber } from '../model/format.ts';
import { statusSteps } from '../model/status-path.ts';
import { customerStatus, etaText } from '../model/tracker-text.ts';
import type { FeedState } from './order-feed.ts';
import type { Restaurant } from './restaurant.ts';

type Child = Node | string | false | undefined;

/** A DOM element in one expression (the tracker ships without a UI framework to stay small). */
function h(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) if (child !== false && child !== undefined) el.append(child);
  return el;
}

/**
 * Who took the order, with its phone as a link when the restaurant has one. "Questions? Call …"
 * only when there is a number to call: without one the card just names the restaurant.
 */
function contact(restaurant: Restaurant | undefined, askToCall: boolean): HTMLElement | false {
  if (!restaurant) return false;
  const phone = restaurant.phone;
  return h(
    'p',
    { class: 'tracker__contact', 'data-tracker': 'contact' },
    `${askToCall ? 'Questions? Call' : 'Ordered from'} ${restaurant.name}`,
    phone ? ' on ' : '',
    phone ? h('a', { href: `tel:${phone.replace(/[^+0-9]/g, '')}` }, phone) : false,
    '.',
  );
}

function steps(order: Order): HTMLElement {
  return h(
    'ol',
    { class: 'steps', 'aria-label': 'Progress' },
    ...statusSteps(order).map((s) =>
      h(
        'li',
        { class: `steps__step steps__step--${s.state}`, 'data-step': s.status, 'data-state': s.state },
        h('span', { class: 'steps__marker', 'aria-hidden': 'true' }),
        h('span', { class: 'steps__label' }, customerStatus(s.status, order.channel)),
        h('span', { class: 'steps__time' }, s.at === undefined ? '' : formatClock(s.at)),
      ),
    ),
  );
}

function lines(order: Order): HTMLElement {
  return h(
    'ul',
    { class: 'tracker-lines' },
    ...order.lines.map((l) =>
      h(
        'li',
        {},
        h('span', { class: 'tracker-lines__qty' }, `${l.quantity}×`),
        h('span', { class: 'tracker-lines__name' }, l.name, modifierLines(l).length > 0 && h('span', { class: 'muted small' }, ` · ${modifierLines(l).join(', ')}`)),
      ),
    ),
  );
}

function orderCard(order: Order, online: boolean, restaurant: Restaurant | undefined, now: number): HTMLElement {
  const eta = etaFor(order, now);
  const needsContact = (eta.kind === 'late' || eta.kind === 'cancelled') && Boolean(restaurant?.phone);
  return h(
    'main',
    { class: `tracker__card tracker__card--${order.status}`, 'data-tracker': 'order', 'data-order-id': order.id, 'data-status': order.status },
    h(
      'header',
      { class: 'tracker__head' },
      h('span', { class: 'tracker__number' }, `Order ${displayNumber(order)}`),
      h('span', { class: `tracker__live${online ? '' : ' is-offline'}` }, h('span', { class: 'tracker__live-dot', 'aria-hidden': 'true' }), online ? 'Live' : 'Reconnecting…'),
    ),
    restaurant ? h('p', { class: 'tracker__restaurant', 'data-tracker': 'restaurant' }, restaurant.name) : false,
    h(
      'section',
      { class: 'tracker__hero', 'aria-live': 'polite' },
      h('p', { class: 'tracker__greeting' }, `Hi ${order.customer.name.split(' ')[0] ?? ''},`),
      h('h1', { class: 'tracker__status', 'data-status': order.status }, customerStatus(order.status, order.channel)),
      h('p', { class: `tracker__eta${eta.kind === 'late' ? ' tracker__eta--late' : ''}`, 'data-eta': eta.kind }, etaText(eta, order.channel)),
      needsContact && contact(restaurant, true),
    ),
    steps(order),
    h(
      'section',
      { class: 'tracker__section' },
      h('h2', {}, 'Your order'),
      lines(order),
      h('div', { class: 'tracker__total' }, h('span', {}, 'Total'), h('strong', {}, formatMoney(order.totalCents, config.currency, config.locale))),
    ),
    !needsContact && contact(restaurant, false),
    h('p', { class: 'tracker__note muted small' }, 'This page updates by itself — no need to refresh.'),
  );
}

const loadingCard = (online: boolean | undefined) =>
  h(
    'main',
    { class: 'tracker__card tracker__loading', 'aria-busy': 'true' },
    h('div', { class: 'spinner', 'aria-hidden': 'true' }),
    h('p', {}, online === false && !navigator.onLine ? 'You are offline. Waiting for a connection…' : 'Loading your order…'),
  );

/** A bad, mistyped or withdrawn tracking link: say so plainly and show nothing else. */
const errorCard = () =>
  h(
    'main',
    { class: 'tracker__card tracker__error', 'data-tracker': 'error', role: 'alert' },
    h('div', { class: 'tracker__error-icon', 'aria-hidden': 'true' }, '?'),
    h('h1', {}, 'This tracking link does not work'),
    h('p', {}, 'It may be mistyped, or the restaurant may have withdrawn it.'),
    h('p', { class: 'muted' }, 'Please ask the restaurant for a new link.'),
  );

/** Draws the whole page for the current state (a handful of nodes: redrawing beats diffing here). */
export function renderTracker(root: HTMLElement, state: FeedState, restaurant: Restaurant | undefined, now: number): void {
  const card = state.kind === 'invalid' ? errorCard() : state.kind === 'loading' ? loadingCard(state.online) : orderCard(state.order, state.online, restaurant, now);
  root.replaceChildren(card, h('footer', { class: 'tracker__footer' }, 'Order tracking by kitchensync'));
  document.title = state.kind === 'order' ? `Order ${displayNumber(state.order)} · tracking` : 'Order tracking';
}
