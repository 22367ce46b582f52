import { describe, expect, it } from 'vitest';
import type { Printer } from '../schemas/printers.ts';
import { printerAlert, printerAlerts } from './printer-alert.ts';

const bar = { name: 'Bar', active: true, state: { condition: 'paper_out' as const, waiting: 3, at: 1 } };

describe('printerAlert', () => {
  it('says which printer, what is wrong and how many tickets wait', () => {
    expect(printerAlert(bar)).toBe('Printer Bar: paper out — 3 tickets waiting');
    expect(printerAlert({ ...bar, state: { condition: 'unreachable', waiting: 1, at: 1 } })).toBe('Printer Bar: not reachable — 1 ticket waiting');
  });

  it('says nothing for a printer that prints, has never been seen, or is switched off', () => {
    expect(printerAlert({ ...bar, state: { condition: 'ok', waiting: 0, at: 1 } })).toBeUndefined();
    expect(printerAlert({ name: 'Bar', active: true })).toBeUndefined();
    expect(printerAlert({ ...bar, active: false })).toBeUndefined();
  });

  it('names the printer taking the queue once a manager redirected it', () => {
    expect(printerAlert(bar, 'Pass')).toBe('Printer Bar: paper out — its tickets print on Pass');
  });
});

describe('printerAlerts', () => {
  const printer = (id: string, name: string, stationId: string | undefined, condition: 'ok' | 'paper_out', redirectTo?: string): Printer => ({
    id,
    name,
    host: 'h',
    port: 9100,
    paperMm: 80,
    columns: 48,
    codePage: 'cp437',
    active: true,
    assignments: stationId ? [{ role: 'primary', stationId }] : [{ role: 'expo' }],
    state: { condition, waiting: 2, at: 1 },
    ...(redirectTo ? { redirectTo } : {}),
  });
  const printers = [printer('p2', 'Pass', undefined, 'ok'), printer('p1', 'Bar', 'bar-1', 'paper_out'), printer('p3', 'Cold', 'cold-1', 'paper_out', 'p2')];

  it('lists every printer that cannot print, by name, saying where a redirected queue goes', () => {
    expect(printerAlerts(printers)).toEqual([
      { printerId: 'p1', text: 'Printer Bar: paper out — 2 tickets waiting' },
      { printerId: 'p3', text: 'Printer Cold: paper out — its tickets print on Pass' },
    ]);
  });

  it('a station’s screen hears only of the printers serving its stations', () => {
    expect(printerAlerts(printers, ['bar-1']).map((a) => a.printerId)).toEqual(['p1']);
    expect(printerAlerts(printers, ['grill-1'])).toEqual([]);
  });
});
