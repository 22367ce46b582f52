import { describe, expect, it } from 'vitest';
import { screenDownText } from './screen-down-text.ts';

describe('the screen-down notice', () => {
  it('names each printer and the numbers it printed while the screen was down', () => {
    const printed = [
      { printerId: 'bar', printerName: 'Bar', numbers: ['#12', '#14'] },
      { printerId: 'pass', printerName: 'Pass', numbers: ['#15'] },
    ];
    expect(screenDownText({ since: 1, until: 2, printed })).toBe(
      'Printed on Bar printer while this screen was down: #12, #14. Printed on Pass printer while this screen was down: #15',
    );
  });
});
