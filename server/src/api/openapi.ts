import { z } from 'zod';
import { declaredTags } from './openapi-tags.ts';
import type { RouteDoc } from './route-spec.ts';
import { requestSchemas, responseSchemas } from './schemas/common-schemas.ts';

type JsonSchema = Record<string, unknown>;

const componentRef = (id: string) => `#/components/schemas/${id}`;
const errorRef = { $ref: componentRef('Error') };

const errorText: Record<number, string> = {
  400: 'malformed JSON, or a body, query or path parameter that fails validation (`invalid_request`, details list each problem); an order line leaving a required modifier group unanswered (`modifier_required`) or choosing too many (`modifier_limit`), `details.group` naming it; or a request HTTP itself refuses (`bad_request`: no Host header, an asterisk target, broken framing)',
  401: 'missing, unknown or revoked bearer token',
  403: 'valid token of a role that may not do this',
  404: 'no such resource in your tenant (other tenants\u2019 ids are not found either)',
  409: 'the state machine refuses the move (`illegal_transition`), the resource exists (`already_exists`), no station can take the work (`no_station`) or the order holds a sold-out product (`sold_out`, `details.productIds`)',
  413: 'body larger than the limit',
  422: 'well-formed but refused by the domain (`invalid_args`, e.g. a product off the menu)',
  429: 'over the per-token rate limit; see `Retry-After`',
  503: 'the database cannot be reached right now (`database_unavailable`); retry after `Retry-After` seconds',
};

/** Strips the per-document keys zod adds to each standalone schema. */
function bare(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema' && key !== '$id'));
}

function refTo(registry: typeof requestSchemas, schema: z.ZodType, what: string): JsonSchema {
  const id = registry.get(schema)?.id;
  if (!id) throw new Error(`${what} schema is not registered for the OpenAPI document`);
  return { $ref: componentRef(id) };
}

/** Path and query parameters, one per property of the route's object schema. */
function parameters(where: 'path' | 'query', schema: z.ZodType | undefined): JsonSchema[] {
  if (!schema) return [];
  if (!(schema instanceof z.ZodObject)) throw new Error(`${where} parameters must be an object schema`);
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, prop]) => {
    const json = bare(z.toJSONSchema(prop, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
    const { description, ...rest } = json;
    return {
      name,
      in: where,
      required: where === 'path' || !prop.safeParse(undefined).success,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function requestBody(route: RouteDoc): JsonSchema | undefined {
  if (!route.body) return undefined;
  const optional = route.body instanceof z.ZodOptional;
  const inner = optional ? (route.body as z.ZodOptional<z.ZodType>).unwrap() : route.body;
  return { required: !optional, content: { 'application/json': { schema: refTo(requestSchemas, inner, `${route.path} body`) } } };
}


function success(route: RouteDoc): JsonSchema {
  const { schema, text, description } = route.success;
  if (text) return { description, content: { 'text/plain': { schema: { type: 'string' } } } };
  if (!schema) return { description };
  return { description, content: { 'application/json': { schema: refTo(responseSchemas, schema, `${route.path} answer`) } } };
}

function operation(route: RouteDoc): JsonSchema {
  // Any request can be malformed at the HTTP level (400), and every endpoint reaches the database
  // (token checks included), so any can answer 503.
  const statuses = [...new Set([400, ...route.errors, ...(route.public ? [] : [401, 403, 429]), 503])].sort();
  const body = requestBody(route);
  return {
    operationId: `${route.method}${route.path.replace(/[/:-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    tags: [route.tag],
    summary: route.summary,
    description: [route.description, route.public ? 'No token needed.' : `Roles: ${route.roles.join(', ')}.`].filter(Boolean).join('\n\n'),
    ...(route.public ? { security: [] } : {}),
    parameters: [...parameters('path', route.params), ...parameters('query', route.query)],
    ...(body ? { requestBody: body } : {}),
    responses: {
      [route.success.status]: success(route),
      ...Object.fromEntries(statuses.map((s) => [s, { description: errorText[s], content: { 'application/json': { schema: errorRef } } }])),
    },
  };
}

function components(): Record<string, JsonSchema> {
  const generate = (registry: typeof requestSchemas, io: 'input' | 'output') =>
    (z.toJSONSchema(registry, { io, uri: componentRef, unrepresentable: 'any' }) as { schemas: Record<string, JsonSchema> }).schemas;
  const all = { ...generate(requestSchemas, 'input'), ...generate(responseSchemas, 'output') };
  return Object.fromEntries(Object.entries(all).map(([id, s]) => [id, bare(s)]));
}

/** OpenAPI 3.1, generated from the route specs and their zod schemas. */
export function openApiDocument(routes: readonly RouteDoc[], info: { version: string }) {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'kitchensync REST API',
      version: info.version,
      description: 'Orders, kitchen, products and stations; admin, WebSocket monitoring and Replicache sync. Every REST write runs the same shared mutator as sync clients, under the same per-tenant lock, and pokes them on commit. Errors are `{error: {code, message, details?}}`.',
      contact: { name: 'kitchensync operations' },
      // The project is private and unlicensed; SPDX's LicenseRef- form says so to tools.
      license: { name: 'Proprietary: all rights reserved', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/' }],
    tags: declaredTags(routes.map((r) => r.tag)),
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: components() },
    paths,
  };
}
