import { config } from '../config.ts';
import { parseRoute } from '../routing/routes.ts';
import '../styles/base.css';
import '../styles/tracker.css';
import { followOrder, plausibleToken, type FeedState } from './order-feed.ts';
import { renderTracker } from './tracker-page.ts';
import { fetchRestaurant, type Restaurant } from './restaurant.ts';

/*
 * `/track/:token`, the customer's page: its own small entry (no React, no Replicache), so that a
 * phone on a slow network shows the order quickly. The server serves tracker.html for /track/*.
 */
const root = document.getElementById('root') as HTMLElement;
const route = parseRoute(window.location.pathname);
const token = route.name === 'track' ? route.token : '';

let state: FeedState = { kind: 'loading', online: navigator.onLine };
let restaurant: Restaurant | undefined;
const draw = () => renderTracker(root, state, restaurant, Date.now());

const redrawWith = (found: Restaurant | undefined) => {
  restaurant = found;
  if (state.kind === 'order') draw();
};
followOrder(config.serverUrl, token, (next) => {
  state = next;
  draw();
});
if (plausibleToken(token)) void fetchRestaurant(config.serverUrl, token).then(redrawWith);
// The ETA line counts minutes: redraw as the clock moves.
setInterval(() => state.kind === 'order' && draw(), 10_000);
