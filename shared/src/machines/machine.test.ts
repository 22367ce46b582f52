import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { defineMachine } from './machine.ts';

type Light = 'red' | 'green' | 'off';
const light = defineMachine<Light, 'go' | 'stop' | 'switch_off' | 'flash', 'powered', { power: boolean }>(
  'light',
  [
    { event: 'go', from: 'red', to: 'green', guard: 'powered' },
    { event: 'stop', from: 'green', to: 'red', guard: 'powered' },
    { event: 'switch_off', from: 'green', to: 'off', requiresReason: true },
    { event: 'flash', from: 'red', to: 'off' },
    { event: 'flash', from: 'green', to: 'red' },
  ],
  { powered: (ctx) => ctx.power },
);

describe('defineMachine', () => {
  it('a guarded move is allowed only while its guard holds', () => {
    expect(light.can('red', 'green', { power: true })).toBe(true);
    expect(light.can('red', 'green', { power: false })).toBe(false);
    expect(light.allowedTransitions('green', { power: false })).toEqual(['off', 'red']);
  });

  it('allowedTransitions lists moves that need a reason, so a UI can ask for one', () => {
    expect(light.allowedTransitions('green', { power: true })).toEqual(['red', 'off', 'red']);
    expect(light.requiresReason('green', 'off')).toBe(true);
  });

  it('a refused move throws a DomainError with code illegal_transition and the move in details', () => {
    const attempt = () => light.assertTransition('green', 'green', { power: true });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'illegal_transition', details: { machine: 'light', from: 'green', to: 'green' } }));
    expect(attempt).toThrow('light: cannot go from green to green');
  });

  it('a status with no way out is final', () => {
    expect(light.isFinal('off')).toBe(true);
    expect(light.isFinal('red')).toBe(false);
  });

  it('an event leads where its row says, and the same event may lead elsewhere from another status', () => {
    expect(light.next('go', 'red', { power: true })).toBe('green');
    expect(light.next('flash', 'red', { power: false })).toBe('off');
    expect(light.next('flash', 'green', { power: false })).toBe('red');
    expect(light.eventFor('green', 'red', { power: true })).toBe('stop');
    expect(light.eventOf('green', 'red', { power: false })).toBe('flash');
    expect(() => light.eventOf('off', 'red', { power: true })).toThrow(
      expect.objectContaining({ code: 'illegal_transition', message: 'light: cannot go from off to red' }),
    );
  });

  it('events lists what a status accepts under the context, each once', () => {
    expect(light.events('green', { power: false })).toEqual(['switch_off', 'flash']);
    expect(light.events('green', { power: true })).toEqual(['stop', 'switch_off', 'flash']);
    expect(light.events('off', { power: true })).toEqual([]);
  });

  it('an event the status does not accept is refused as the move it names, with the event in details', () => {
    expect(light.allows('go', 'green', { power: true })).toBe(false);
    expect(() => light.next('go', 'green', { power: true })).toThrow(
      expect.objectContaining({ code: 'illegal_transition', message: 'light: cannot go from green to green', details: { machine: 'light', from: 'green', to: 'green', event: 'go' } }),
    );
    expect(() => light.next('flash', 'off', { power: true })).toThrow('light: cannot flash a off light');
  });

  it('an event whose guard fails or whose reason is missing is refused', () => {
    expect(light.allows('go', 'red', { power: false })).toBe(false);
    expect(light.allows('switch_off', 'green', { power: true })).toBe(false);
    expect(() => light.next('switch_off', 'green', { power: true })).toThrow('light: green → off needs a reason');
    expect(light.next('switch_off', 'green', { power: true, reason: 'night' })).toBe('off');
  });
});
