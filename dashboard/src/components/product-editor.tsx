import type { Product } from '@kitchensync/shared';
import { useState, type FormEvent } from 'react';
import { changesRecipe, formToArgs, type ProductForm } from '../model/product-form.ts';
import { courseLabel, courses, stationTypeLabel } from '../model/labels.ts';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { IngredientEditor } from './ingredient-editor.tsx';
import { StringListEditor } from './string-list-editor.tsx';
import { ProblemList } from './problem-list.tsx';
import { ModifierGroupsEditor } from './modifier-groups-editor.tsx';

export interface ProductEditorProps {
  readonly initial: ProductForm;
  /** The stored product (undefined for a new one). */
  readonly product: Product | undefined;
  readonly stationTypes: readonly string[];
  readonly categories: readonly string[];
  readonly onDone: () => void;
}

/** After a save that made a new recipe version the editor stays open: the re-issue offer is right here. */
type Saved = { readonly version: number } | undefined;

/** Edit every field of a product; changing ingredients or steps makes a new recipe version. */
export function ProductEditor({ initial, product, stationTypes, categories, onDone }: ProductEditorProps) {
  const { rep } = useSyncClient();
  const [form, setForm] = useState<ProductForm>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<Saved>();
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<ProductForm>) => setForm((f) => ({ ...f, ...patch }));
  const result = formToArgs(form, product);
  const recipeChange = result.ok && changesRecipe(product, result.args);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    const newVersion = recipeChange && product ? product.recipeVersion + 1 : undefined;
    rep.mutate.upsertProduct(result.args).then(
      () => (newVersion === undefined ? onDone() : setSaved({ version: newVersion })),
      (err: unknown) => setProblems([err instanceof Error ? err.message : String(err)]),
    );
  };

  return (
    <form className="card product-editor" onSubmit={submit} aria-label="Product">
      <div className="card__head">
        <h2>{product ? `Edit ${product.name}` : 'New product'}</h2>
        {product && <span className="pill">recipe v{product.recipeVersion}</span>}
      </div>
      <label className="field">
        <span className="field__label">Name</span>
        <input name="name" value={form.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <div className="field-row">
        <label className="field">
          <span className="field__label">Price</span>
          <input name="price" inputMode="decimal" value={form.price} onChange={(e) => set({ price: e.target.value })} placeholder="12.90" />
        </label>
        <label className="field">
          <span className="field__label">Prep time (min)</span>
          <input name="prep" inputMode="decimal" value={form.prepMinutes} onChange={(e) => set({ prepMinutes: e.target.value })} />
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span className="field__label">Category</span>
          <input name="category" list="category-options" value={form.category} maxLength={200} onChange={(e) => set({ category: e.target.value })} placeholder="Mains" />
          <datalist id="category-options">
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span className="field__label">Station type</span>
          <input name="stationType" list="station-type-options" value={form.stationType} onChange={(e) => set({ stationType: e.target.value })} placeholder="grill" />
          <datalist id="station-type-options">
            {stationTypes.map((t) => (
              <option key={t} value={t}>
                {stationTypeLabel(t)}
              </option>
            ))}
          </datalist>
        </label>
      </div>
      <label className="field">
        <span className="field__label">Allergens <span className="muted">(comma-separated)</span></span>
        <input name="allergens" value={form.allergens} onChange={(e) => set({ allergens: e.target.value })} placeholder="gluten, dairy" />
      </label>
      <label className="field">
        <span className="field__label">Course of a new line</span>
        <select name="course" value={form.course} onChange={(e) => set({ course: Number(e.target.value) })}>
          {courses.map((c) => (
            <option key={c} value={c}>
              {courseLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="fieldset">
        <legend>Asked when ordered</legend>
        <ModifierGroupsEditor groups={form.groups} onChange={(groups) => set({ groups })} errors={tried && !result.ok ? (result.fieldErrors ?? {}) : {}} stored={product} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Ingredients per portion</legend>
        <IngredientEditor rows={form.ingredients} onChange={(ingredients) => set({ ingredients })} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Recipe steps</legend>
        <StringListEditor items={form.recipeSteps} onChange={(recipeSteps) => set({ recipeSteps })} placeholder="Step" addLabel="step" numbered />
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={form.active} onChange={(e) => set({ active: e.target.checked })} /> On the menu
      </label>
      {recipeChange && product && (
        <p className="banner banner--info banner--inline">
          This changes the recipe: saving creates recipe version {product.recipeVersion + 1}. Orders already in the kitchen keep their contract until you re-issue it.
        </p>
      )}
      {!recipeChange && product && !saved && <p className="muted small">Recipe version {product.recipeVersion}: price, name and menu changes keep it.</p>}
      {saved && !recipeChange && (
        <p className="form-ok" role="status" data-saved-version={saved.version}>
          Saved as recipe version {saved.version}.
        </p>
      )}
      <ProblemList problems={problems} />
      <div className="cart-actions">
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          Close
        </button>
        <button type="submit" className="btn btn--primary">
          Save
        </button>
      </div>
    </form>
  );
}
