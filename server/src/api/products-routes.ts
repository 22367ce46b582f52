import { productKey, productSchema, type Product } from '@kitchensync/shared';
import type { z } from 'zod';
import { newId } from '../auth/tokens.ts';
import { findProduct, listProducts } from '../db/catalog-queries.ts';
import { HttpError } from '../http/http-error.ts';
import { found } from './found.ts';
import { writeThrough } from './rest-write.ts';
import { defineRoute, type RouteContext } from './route-spec.ts';
import { idParams } from './schemas/common-schemas.ts';
import { createProductBody, productListQuery, productListSchema, soldOutBody, updateProductBody } from './schemas/catalog-schemas.ts';

const tag = 'Products';

/** Edits what is sent and keeps the rest; a changed recipe bumps recipeVersion (in the mutator). */
function updateProduct(ctx: RouteContext<{ id: string }, unknown, z.output<typeof updateProductBody>>) {
  return writeThrough(ctx, async (w) => {
    const existing = found(await w.get<Product>(productKey(ctx.params.id)), 'product');
    // recipeVersion is the mutator's to bump; the args schema strips it.
    await w.apply('upsertProduct', { ...existing, ...ctx.body, id: existing.id });
    return w.get<Product>(productKey(existing.id));
  });
}

const update = (method: 'put' | 'patch') =>
  defineRoute({
    method, path: '/products/:id', tag, roles: ['manager'], summary: `Update a product${method === 'patch' ? ' (same as PUT)' : ''}`,
    description: 'Changing recipeSteps or ingredients bumps recipeVersion: orders confirmed afterwards get contracts of the new recipe; contracts already issued keep theirs until re-issued.',
    params: idParams,
    body: updateProductBody,
    success: { status: 200, schema: productSchema, description: 'the product' },
    errors: [400, 404],
    handle: updateProduct,
  });

export const productRoutes = [
  defineRoute({
    method: 'get', path: '/products', tag, roles: ['manager', 'kitchen'], summary: 'List products',
    query: productListQuery,
    success: { status: 200, schema: productListSchema, description: 'products by category and name' },
    errors: [400],
    handle: async ({ db, tenantId, query }) => ({ items: await listProducts(db, tenantId, query), nextCursor: null }),
  }),
  defineRoute({
    method: 'get', path: '/products/:id', tag, roles: ['manager', 'kitchen'], summary: 'Get a product',
    params: idParams,
    success: { status: 200, schema: productSchema, description: 'the product' },
    errors: [400, 404],
    handle: async ({ db, tenantId, params }) => found(await findProduct(db, tenantId, params.id), 'product'),
  }),
  defineRoute({
    method: 'post', path: '/products', tag, roles: ['manager'], summary: 'Create a product',
    body: createProductBody,
    success: { status: 201, schema: productSchema, description: 'the new product, recipe version 1' },
    errors: [400, 409],
    handle: (ctx) =>
      writeThrough(ctx, async (w) => {
        const id = ctx.body.id ?? newId('prd');
        if (await w.get(productKey(id))) throw new HttpError(409, 'already_exists', `product ${id} already exists`);
        await w.apply('upsertProduct', { ...ctx.body, id });
        return w.get<Product>(productKey(id));
      }),
  }),
  update('put'),
  update('patch'),
  defineRoute({
    method: 'put', path: '/products/:id/sold-out', tag, roles: ['manager', 'kitchen'], summary: '86 a product, or put it back',
    description: 'While sold out, creating or confirming an order holding it → 409 `sold_out` (`details.productIds`). Orders already confirmed keep their tickets.',
    params: idParams,
    body: soldOutBody,
    success: { status: 200, schema: productSchema, description: 'the product' },
    errors: [400, 404],
    handle: (ctx) =>
      writeThrough(ctx, async (w) => {
        await w.apply('setProductSoldOut', { productId: ctx.params.id, soldOut: ctx.body.soldOut, at: Date.now() });
        return w.get<Product>(productKey(ctx.params.id));
      }),
  }),
];
