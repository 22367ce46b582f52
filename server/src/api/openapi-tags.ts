/** What each tag of the OpenAPI document groups; a route with a tag missing here fails the document. */
const tagDescriptions: Record<string, string> = {
  Platform: 'Health (no token) and Prometheus metrics (admin).',
  Admin: 'Tenants and their tokens: the platform operator, with the admin token.',
  'WebSocket monitoring': "The poke sockets: health, connections per tenant, broadcasts to a tenant's terminals.",
  Sync: 'Replicache 15 push and pull: how terminals, dashboards and trackers stay in sync.',
  'Restaurant hub': "A restaurant hub's link to the cloud, with a hub token.",
  Orders: 'Orders from draft to delivered: the state machine, history, stats and production contracts.',
  Service: 'At the pass: firing held courses and handing ready orders over.',
  Kitchen: 'Kitchen orders (tickets) per station, their items and ingredient consumption.',
  Stations: 'Kitchen stations: type, capacity and aging thresholds.',
  Products: 'The menu: prices, stations, recipes and 86 (sold out).',
  Restaurant: "The restaurant's name and phone as customers see them.",
  Printers: 'Kitchen printers (network ESC/POS), their station roles and redirects, and print jobs with their state.',
};

/** The document's global tag list: every tag its operations use, in first-use order. */
export function declaredTags(used: readonly string[]): { name: string; description: string }[] {
  return [...new Set(used)].map((name) => {
    const description = tagDescriptions[name];
    if (!description) throw new Error(`OpenAPI tag "${name}" has no description in openapi-tags.ts`);
    return { name, description };
  });
}
