import { describe, expect, it } from 'vitest';
import type { PrintDoc } from '../schemas/printers.ts';
import { layoutPrintDoc, wrap } from './layout.ts';

const doc: PrintDoc = {
  kind: 'ticket',
  orderId: 'o1',
  number: '#K7FA',
  channel: 'dine_in',
  stationName: 'Grill 1',
  table: '12',
  guests: 4,
  course: 1,
  allergies: ['SEVERE coeliac - change gloves'],
  items: [
    { quantity: 2, name: 'Classic Burger', modifiers: ['no pickles', 'extra cheese'], notes: 'well done' },
    { quantity: 1, name: 'Fries', modifiers: [], guestAllergy: 'peanut' },
  ],
  at: Date.UTC(2026, 0, 1, 19, 5),
};

describe('the ticket layout', () => {
  it('puts the guest allergy first, inverted, then the number large, the table and every line with its modifiers and notes', () => {
    const lines = layoutPrintDoc(doc, { columns: 48 });
    expect(lines[0]).toEqual({ text: 'ALLERGY: SEVERE coeliac - change gloves', invert: true, bold: true });
    expect(lines[1]).toEqual({ text: '#K7FA', large: true, bold: true, align: 'center' });
    expect(lines.map((l) => l.text)).toEqual([
      'ALLERGY: SEVERE coeliac - change gloves',
      '#K7FA',
      'Table 12 - 4 guests',
      'Grill 1',
      '-'.repeat(48),
      '2 x Classic Burger',
      '  + no pickles',
      '  + extra cheese',
      '  > well done',
      'ALLERGY: peanut',
      '1 x Fries',
      '-'.repeat(48),
      'Fired 19:05',
    ]);
  });

  it('a void slip says VOID at both ends and what not to make', () => {
    const lines = layoutPrintDoc({ ...doc, kind: 'void', reason: 'guest left' }, { columns: 32 });
    expect(lines[0]).toMatchObject({ text: '*** VOID ***', large: true, invert: true });
    expect(lines.at(-1)).toMatchObject({ text: '*** VOID ***', large: true, invert: true });
    expect(lines.map((l) => l.text)).toContain('DO NOT MAKE:');
    expect(lines.map((l) => l.text)).toContain('Reason: guest left');
  });

  it('a reprint and a possible duplicate say so before anything else', () => {
    const lines = layoutPrintDoc({ ...doc, kind: 'reprint' }, { columns: 32, possibleDuplicate: true });
    expect(lines.slice(0, 3).map((l) => l.text)).toEqual(['POSSIBLE DUPLICATE - check', 'before cooking', 'REPRINT']);
  });

  it('no line is wider than the paper; large lines half as wide', () => {
    const long = { ...doc, number: '#ABCDEFGHIJKLMNOPQRSTUVWXYZ', items: [{ quantity: 1, name: 'A very long dish name that will not fit on one line of paper', modifiers: [] }] };
    for (const line of layoutPrintDoc(long, { columns: 32 })) expect(line.text.length).toBeLessThanOrEqual(line.large ? 16 : 32);
  });

  it('wrap breaks at spaces and indents what follows', () => {
    expect(wrap('one two three four', 9, '  ')).toEqual(['one two', '  three', '  four']);
  });
});
