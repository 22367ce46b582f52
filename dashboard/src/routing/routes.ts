/** The dashboard's pages. Paths avoid `/kitchen/`, which the server gives to the kitchen app. */
export type Route =
  | { readonly name: 'board' }
  | { readonly name: 'new-order' }
  | { readonly name: 'order'; readonly id: string }
  | { readonly name: 'menu' }
  | { readonly name: 'stations' }
  | { readonly name: 'stats' }
  | { readonly name: 'restaurant' }
  | { readonly name: 'admin' }
  | { readonly name: 'track'; readonly token: string }
  | { readonly name: 'not-found' };

const fixed: Record<string, Route> = {
  '': { name: 'board' },
  orders: { name: 'board' },
  'orders/new': { name: 'new-order' },
  menu: { name: 'menu' },
  stations: { name: 'stations' },
  stats: { name: 'stats' },
  restaurant: { name: 'restaurant' },
  admin: { name: 'admin' },
};

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/^\/+|\/+$/g, '');
  const known = fixed[path];
  if (known) return known;
  const order = /^orders\/([^/]+)$/.exec(path);
  if (order?.[1]) return { name: 'order', id: safeDecode(order[1]) };
  const track = /^track(?:\/([^/]*))?$/.exec(path);
  if (track) return { name: 'track', token: safeDecode(track[1] ?? '') };
  return { name: 'not-found' };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'board':
      return '/';
    case 'new-order':
      return '/orders/new';
    case 'order':
      return `/orders/${encodeURIComponent(route.id)}`;
    case 'track':
      return `/track/${encodeURIComponent(route.token)}`;
    case 'not-found':
      return '/';
    default:
      return `/${route.name}`;
  }
}

/** The absolute tracking link a customer is given for an order. */
export const trackingUrl = (origin: string, token: string) => `${origin}${routePath({ name: 'track', token })}`;
