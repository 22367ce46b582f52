import { describe, expect, it } from 'vitest';
import { railGrid, railPage } from './rail-page.ts';

describe('rail pages', () => {
  it('show the page that holds the selected ticket', () => {
    expect(railPage(365, 0, 10)).toEqual({ start: 0, end: 10, page: 0, pages: 37 });
    expect(railPage(365, 23, 10)).toEqual({ start: 20, end: 30, page: 2, pages: 37 });
    expect(railPage(365, 364, 10)).toEqual({ start: 360, end: 365, page: 36, pages: 37 });
  });

  it('an empty rail is one empty page', () => expect(railPage(0, 0, 10)).toEqual({ start: 0, end: 0, page: 0, pages: 1 }));

  it('a selection past the end shows the last page', () => expect(railPage(5, 9, 2).page).toBe(2));
});

describe('rail grid', () => {
  it('fits as many 300 px columns as the width allows, and 320 px rows, up to three', () => {
    expect(railGrid(1350, 730)).toEqual({ columns: 4, rows: 2 });
    expect(railGrid(1350, 600)).toEqual({ columns: 4, rows: 1 });
    expect(railGrid(200, 200)).toEqual({ columns: 1, rows: 1 });
    expect(railGrid(3000, 2000)).toEqual({ columns: 10, rows: 3 });
  });
});
