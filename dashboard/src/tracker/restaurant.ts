/** The restaurant's public details (GET /api/tenant/settings, which a tracking token may read). */
export interface Restaurant {
  readonly name: string;
  readonly phone: string | null;
}

export async function fetchRestaurant(serverUrl: string, token: string): Promise<Restaurant | undefined> {
  try {
    const res = await fetch(`${serverUrl}/api/tenant/settings`, { headers: { authorization: `Bearer ${token}` } });
    return res.ok ? ((await res.json()) as Restaurant) : undefined;
  } catch {
    return undefined;
  }
}
