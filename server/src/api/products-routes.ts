import { productKey, productSchema, type MutatorName, type Product } from '@kitchensync/shared';
import type { z } from 'zod';
import { newId } from '../auth/tokens.ts';
import { findProduct, listProducts } from '../db/catalog-queries.ts';
import { HttpError } from '../http/http-error.ts';
import { found } from './found.ts';
import { writeThrough } from './rest-write.ts';
import { defineRoute, type RouteContext } from './route-spec.ts';
import { idParams } from './schemas/common-schemas.ts';
import { optionParams } from './schemas/modifier-schemas.ts';
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

/** PUT …/sold-out (manager or kitchen): 86 a product or one of its options, or put it back; answers the product. */
function soldOutRoute<P extends z.ZodType<{ id: string }>>(spec: {
  path: string;
  summary: string;
  description: string;
  params: P;
  mutation: (params: z.output<P>, soldOut: boolean) => [MutatorName, unknown];
}) {
  return defineRoute({
    method: 'put', path: spec.path, tag, roles: ['manager', 'kitchen'], summary: spec.summary, description: spec.description,
    params: spec.params,
    body: soldOutBody,
    success: { status: 200, schema: productSchema, description: 'the product' },
    errors: [400, 404],
    handle: (ctx) =>
      writeThrough(ctx, async (w) => {
        await w.apply(...spec.mutation(ctx.params as z.output<P>, ctx.body.soldOut));
        return w.get<Product>(productKey(ctx.params.id));
      }),
  });
}

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
  soldOutRoute({
    path: '/products/:id/sold-out', summary: '86 a product, or put it back', params: idParams,
    description: 'While sold out, creating or confirming an order holding it → 409 `sold_out` (`details.productIds`). Orders already confirmed keep their tickets.',
    mutation: (p, soldOut) => ['setProductSoldOut', { productId: p.id, soldOut, at: Date.now() }],
  }),
  soldOutRoute({
    path: '/products/:id/modifier-groups/:groupId/options/:optionId/sold-out', summary: '86 a modifier option, or put it back', params: optionParams,
    description: 'While sold out, a new order line choosing it → 409 `sold_out` (`details.optionIds`); the product and its other options stay on.',
    mutation: (p, soldOut) => ['setModifierOptionSoldOut', { productId: p.id, groupId: p.groupId, optionId: p.optionId, soldOut, at: Date.now() }],
  }),
];
