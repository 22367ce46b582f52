import { z } from 'zod';

/** Client-chosen ids: URL-safe so they work as path segments and key suffixes. */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, _ and -');
/** Derived ids (contracts, kitchen orders) join client ids with dots. */
export const derivedIdSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z0-9_.-]+$/);
export const epochMsSchema = z.number().int().nonnegative().max(8.64e15);
export const centsSchema = z.number().int().nonnegative().max(100_000_000);
export const labelSchema = z.string().trim().min(1).max(200);
export const noteSchema = z.string().max(500);
/** Courses are fired in turn: 1 goes to the kitchen on confirm, later ones wait until fired. */
export const courseSchema = z.number().int().min(1).max(9);
/** A guest's allergy, the one thing that locks a ticket until a cook acknowledges it. */
export const guestAllergySchema = z.string().trim().min(1).max(200);
export const tableSchema = z.string().trim().min(1).max(20);
export const guestsSchema = z.number().int().min(1).max(99);
/** Minutes since a ticket was fired after which its header turns amber / red. */
export const thresholdMinutesSchema = z.number().int().min(1).max(240);
type Thresholds = { warnMinutes?: number | undefined; lateMinutes?: number | undefined };

/** A station's aging thresholds, defaults filled in (5 and 10 minutes). */
export function stationThresholds(station: Thresholds): { warnMinutes: number; lateMinutes: number } {
  return { warnMinutes: station.warnMinutes ?? 5, lateMinutes: station.lateMinutes ?? 10 };
}

export function thresholdsInOrder(station: Thresholds): boolean {
  const { warnMinutes, lateMinutes } = stationThresholds(station);
  return warnMinutes < lateMinutes;
}

export const stationTypeSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, 'station types are lower_snake_case');
