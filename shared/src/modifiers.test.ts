import { describe, expect, it } from 'vitest';
import { isDomainError } from './errors.ts';
import { choiceRule, chooseOptions, modifierLines, unitPriceCents } from './modifiers.ts';
import { modifierGroupSchema, productSchema, type Product } from './schema.ts';
import { demoModifierProducts } from './testing/fixtures.ts';

const ribeye: Product = productSchema.parse({ recipeVersion: 1, active: true, ...demoModifierProducts[0] });

function refused(run: () => unknown): { code: string; details: unknown } {
  try {
    run();
  } catch (err) {
    if (isDomainError(err)) return { code: err.code, details: err.details };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('modifier groups (schema)', () => {
  const group = { id: 'g', name: 'Sauce', min: 0, max: 1, options: [{ id: 'a', name: 'Aioli', priceDeltaCents: 0 }] };

  it('a group has a name, a min no greater than its max or its option count, and unique options', () => {
    expect(modifierGroupSchema.safeParse(group).success).toBe(true);
    expect(modifierGroupSchema.safeParse({ ...group, min: 2, max: 1 }).success).toBe(false);
    expect(modifierGroupSchema.safeParse({ ...group, min: 2, max: 2 }).success).toBe(false);
    expect(modifierGroupSchema.safeParse({ ...group, options: [group.options[0], group.options[0]] }).success).toBe(false);
    expect(modifierGroupSchema.safeParse({ ...group, options: [{ id: 'a', name: 'Aioli', priceDeltaCents: -1 }] }).success).toBe(false);
    expect(productSchema.safeParse({ ...ribeye, modifierGroups: [group, group] }).success).toBe(false);
  });

  it('two options of a group, or two groups of a product, cannot share a name (a guest could not tell them apart)', () => {
    const twoAiolis = modifierGroupSchema.safeParse({ ...group, options: [...group.options, { id: 'b', name: ' aioli', priceDeltaCents: 50 }] });
    expect(twoAiolis.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['options.1.name', 'another option has this name']]);
    const twoSauces = productSchema.safeParse({ ...ribeye, modifierGroups: [group, { ...group, id: 'g2', name: 'SAUCE' }] });
    expect(twoSauces.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['modifierGroups.1.name', 'another group has this name']]);
  });

  it('a group reads as the rule a server says out loud', () => {
    expect(choiceRule({ min: 1, max: 1 })).toBe('choose exactly 1');
    expect(choiceRule({ min: 0, max: 3 })).toBe('up to 3');
    expect(choiceRule({ min: 1, max: 2 })).toBe('choose 1–2');
  });
});

describe('choosing options for a line', () => {
  it('the chosen options come back in menu order, named, and priced into the unit price', () => {
    const chosen = chooseOptions(ribeye, [
      { groupId: 'addons', optionId: 'cheese' },
      { groupId: 'temp', optionId: 'medium-rare' },
      { groupId: 'addons', optionId: 'bacon' },
    ]);
    expect(chosen.map((c) => `${c.group}: ${c.name}`)).toEqual(['Temperature: Medium rare', 'Add-ons: Bacon', 'Add-ons: Cheese']);
    expect(unitPriceCents(ribeye, chosen)).toBe(2890 + 200 + 100);
    expect(modifierLines({ modifiers: ['no salt'], options: chosen })).toEqual(['Medium rare', 'Bacon', 'Cheese', 'no salt']);
    expect(modifierLines({ modifiers: ['no salt'] })).toEqual(['no salt']);
  });

  it('a required group left unanswered is refused, naming the group and its rule', () => {
    expect(refused(() => chooseOptions(ribeye, [{ groupId: 'addons', optionId: 'bacon' }]))).toEqual({
      code: 'modifier_required',
      details: { productId: 'ribeye', groupId: 'temp', group: 'Temperature', min: 1, max: 1, chosen: 0 },
    });
    expect(refused(() => chooseOptions(ribeye)).code).toBe('modifier_required');
  });

  it('more options than a group allows are refused', () => {
    const twoTemps = [{ groupId: 'temp', optionId: 'rare' }, { groupId: 'temp', optionId: 'medium' }];
    expect(refused(() => chooseOptions(ribeye, twoTemps))).toMatchObject({ code: 'modifier_limit', details: { groupId: 'temp', chosen: 2 } });
    const fourAddOns = ['bacon', 'cheese', 'egg', 'mushrooms'].map((optionId) => ({ groupId: 'addons', optionId }));
    expect(refused(() => chooseOptions(ribeye, [{ groupId: 'temp', optionId: 'rare' }, ...fourAddOns]))).toMatchObject({ code: 'modifier_limit', details: { group: 'Add-ons', max: 3, chosen: 4 } });
  });

  it('an unknown group or option, or one option twice, is bad input', () => {
    const temp = { groupId: 'temp', optionId: 'rare' };
    expect(refused(() => chooseOptions(ribeye, [temp, { groupId: 'sauce', optionId: 'rare' }])).code).toBe('invalid_args');
    expect(refused(() => chooseOptions(ribeye, [temp, { groupId: 'addons', optionId: 'ham' }])).code).toBe('invalid_args');
    expect(refused(() => chooseOptions(ribeye, [temp, temp])).code).toBe('invalid_args');
  });

  it("an 86'd option is refused as sold out; its group's other options still go", () => {
    const out: Product = { ...ribeye, modifierGroups: ribeye.modifierGroups?.map((g) => ({ ...g, options: g.options.map((o) => (o.id === 'rare' ? { ...o, soldOut: true } : o)) })) };
    expect(refused(() => chooseOptions(out, [{ groupId: 'temp', optionId: 'rare' }]))).toEqual({ code: 'sold_out', details: { productId: 'ribeye', optionIds: ['rare'] } });
    expect(chooseOptions(out, [{ groupId: 'temp', optionId: 'medium' }]).map((c) => c.optionId)).toEqual(['medium']);
  });

  it('a product without groups takes no choices', () => {
    const fries: Product = { ...ribeye, id: 'fries' };
    delete fries.modifierGroups;
    expect(chooseOptions(fries)).toEqual([]);
    expect(refused(() => chooseOptions(fries, [{ groupId: 'temp', optionId: 'rare' }])).code).toBe('invalid_args');
  });
});
