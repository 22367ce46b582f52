import { apiRequest } from './http.ts';

/** The restaurant's name and phone, as its customers see them on the tracker. */
export interface RestaurantSettings {
  readonly name: string;
  readonly phone: string | null;
}

export const fetchRestaurantSettings = (token: string) => apiRequest<RestaurantSettings>(token, 'GET', '/api/tenant/settings');

export const saveRestaurantSettings = (token: string, change: { name: string; phone: string | null }) =>
  apiRequest<RestaurantSettings>(token, 'PUT', '/api/tenant/settings', change);
