import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { defineMachine } from './machine.ts';

type Light = 'red' | 'green' | 'off';
const light = defineMachine<Light, 'powered', { power: boolean }>(
  'light',
  [
    { from: 'red', to: 'green', guard: 'powered' },
    { from: 'green', to: 'red', guard: 'powered' },
    { from: 'green', to: 'off', requiresReason: true },
  ],
  { powered: (ctx) => ctx.power },
);

describe('defineMachine', () => {
  it('a guarded move is allowed only while its guard holds', () => {
    expect(light.can('red', 'green', { power: true })).toBe(true);
    expect(light.can('red', 'green', { power: false })).toBe(false);
    expect(light.allowedTransitions('green', { power: false })).toEqual(['off']);
  });

  it('allowedTransitions lists moves that need a reason, so a UI can ask for one', () => {
    expect(light.allowedTransitions('green', { power: true })).toEqual(['red', 'off']);
    expect(light.requiresReason('green', 'off')).toBe(true);
  });

  it('a refused move throws a DomainError with code illegal_transition and the move in details', () => {
    const attempt = () => light.assertTransition('red', 'off', { power: true });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'illegal_transition', details: { from: 'red', to: 'off' } }));
    expect(attempt).toThrow('light: cannot go from red to off');
  });

  it('a status with no way out is final', () => {
    expect(light.isFinal('off')).toBe(true);
    expect(light.isFinal('red')).toBe(false);
  });
});
