import { demoModifierProducts } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { formToGroups, groupsToForm, moved, newGroup, ruleInWords, type GroupForm } from './modifier-form.ts';

const ribeye = { modifierGroups: demoModifierProducts[0]?.modifierGroups ?? [] };

const addOns: GroupForm = {
  id: 'addons',
  name: 'Add-ons',
  min: '0',
  max: '3',
  options: [
    { id: 'bacon', name: 'Bacon', price: '2' },
    { id: 'cheese', name: 'Cheese', price: '1,50' },
  ],
};

describe('modifier groups in the menu editor', () => {
  it("a product's groups survive a round trip through the form", () => {
    const result = formToGroups(groupsToForm(ribeye), ribeye);
    expect(result).toEqual({ ok: true, groups: ribeye.modifierGroups });
  });

  it('the rule reads in words, and says whether the guest must answer', () => {
    expect(ruleInWords({ min: '1', max: '1' })).toBe('choose exactly 1 · required');
    expect(ruleInWords({ min: '0', max: '3' })).toBe('up to 3 · optional');
    expect(ruleInWords({ min: '1', max: '2' })).toBe('choose 1–2 · required');
    expect(ruleInWords({ min: '3', max: '1' })).toBe('');
  });

  it('prices are typed like the product price; blank is free', () => {
    const result = formToGroups([{ ...addOns, options: [...addOns.options, { id: 'onion', name: 'Onion', price: '' }] }], undefined);
    expect(result.ok && result.groups[0]?.options.map((o) => o.priceDeltaCents)).toEqual([200, 150, 0]);
  });

  it('each problem is keyed to its field, in the shared schema words', () => {
    const bad: GroupForm = { ...addOns, name: ' ', min: '4', max: '2', options: [{ id: 'a', name: 'Bacon', price: 'two' }, { id: 'b', name: ' bacon ', price: '1' }] };
    const result = formToGroups([bad], undefined);
    expect(result).toEqual({
      ok: false,
      errors: {
        '0.name': 'needs a name',
        '0.min': 'the minimum is above the maximum',
        '0.options.0.price': 'an amount like 2.00',
        '0.options.1.name': 'another option has this name',
      },
    });
  });

  it('a count that is not a whole number is named', () => {
    expect(formToGroups([{ ...addOns, max: '2.5' }, { ...addOns, id: 'more', name: 'More', min: 'x' }], undefined)).toEqual({ ok: false, errors: { '0.max': 'a whole number', '1.min': 'a whole number' } });
  });

  it('two groups may not share a name', () => {
    expect(formToGroups([addOns, { ...addOns, id: 'again', name: 'add-ons ' }], undefined)).toEqual({ ok: false, errors: { '1.name': 'another group has this name' } });
  });

  it("saving keeps the kitchen's 86 on an option, which the form does not hold", () => {
    const stored = { modifierGroups: ribeye.modifierGroups?.map((g) => ({ ...g, options: g.options.map((o) => (o.id === 'bacon' ? { ...o, soldOut: true } : o)) })) };
    const result = formToGroups(groupsToForm(stored), stored);
    expect(result.ok && result.groups.flatMap((g) => g.options).filter((o) => o.soldOut === true).map((o) => o.id)).toEqual(['bacon']);
  });

  it('a new group asks exactly one of one unnamed option', () => {
    expect(newGroup('g1', 'o1')).toEqual({ id: 'g1', name: '', min: '1', max: '1', options: [{ id: 'o1', name: '', price: '0.00' }] });
  });
});

describe('reordering groups and options', () => {
  it('moves one entry a place up or down and leaves the others in order', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('an entry already first (or last) stays where it is', () => {
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('the saved groups keep the order the manager gave them', () => {
    const form = groupsToForm(ribeye);
    const result = formToGroups(moved(form, 0, 1), ribeye);
    expect(result.ok && result.groups.map((g) => g.id)).toEqual([...ribeye.modifierGroups.map((g) => g.id)].reverse());
  });
});
