import { describe, expect, it } from 'vitest';
import { emptyPrinterForm, parsePrinterForm, printerToForm } from './printer-form.ts';

describe('printer form', () => {
  it('a new printer is a network printer on port 9100 with 80 mm paper', () => {
    const form = { ...emptyPrinterForm('pr-1'), name: ' Bar ', host: '192.168.1.50' };
    expect(parsePrinterForm(form)).toEqual({ ok: true, args: { id: 'pr-1', name: 'Bar', host: '192.168.1.50', port: 9100, paperMm: 80, codePage: 'cp437' } });
  });

  it('says what to fix: a name, a port number, a host without spaces', () => {
    const base = { ...emptyPrinterForm('pr-1'), name: 'Bar', host: 'bar-printer.local' };
    expect(parsePrinterForm({ ...base, name: '  ' })).toMatchObject({ ok: false, problem: expect.stringContaining('name') });
    expect(parsePrinterForm({ ...base, port: '91OO' })).toMatchObject({ ok: false, problem: expect.stringContaining('port') });
    expect(parsePrinterForm({ ...base, port: '70000' })).toMatchObject({ ok: false, problem: expect.stringContaining('port') });
    expect(parsePrinterForm({ ...base, host: 'bar printer' })).toMatchObject({ ok: false, problem: expect.stringContaining('host') });
  });

  it('an existing printer opens with what it has', () => {
    const printer = { id: 'p', name: 'Cold', host: '10.0.0.9', port: 9101, paperMm: 58 as const, columns: 32, codePage: 'cp858', active: true, assignments: [] };
    expect(printerToForm(printer)).toEqual({ id: 'p', name: 'Cold', host: '10.0.0.9', port: '9101', paperMm: '58', codePage: 'cp858' });
  });
});
