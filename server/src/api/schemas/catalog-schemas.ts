import { z } from 'zod';
import { productSchema, upsertProductArgsSchema } from '@kitchensync/shared';
import { booleanQuery, listOf, requestSchemas, responseSchemas } from './common-schemas.ts';

export const createProductBody = upsertProductArgsSchema.partial({ id: true });
requestSchemas.add(createProductBody, { id: 'CreateProduct', description: 'The server picks the id when none is given.' });

export const updateProductBody = upsertProductArgsSchema.omit({ id: true }).partial();
requestSchemas.add(updateProductBody, {
  id: 'UpdateProduct',
  description: 'Fields not sent keep their value. Changing recipeSteps or ingredients bumps recipeVersion; orders confirmed afterwards get contracts of the new recipe.',
});

export const soldOutBody = z.object({ soldOut: z.boolean().describe('true: 86 it (new orders holding it are refused); false: back on') });
requestSchemas.add(soldOutBody, { id: 'SetProductSoldOut' });

export const productListQuery = z.object({
  active: booleanQuery.optional(),
  category: z.string().trim().min(1).max(200).optional(),
});

responseSchemas.add(productSchema, { id: 'Product' });
export const productListSchema = listOf(productSchema);
responseSchemas.add(productListSchema, { id: 'ProductList' });
