import * as z from 'zod';
import { RefundObject } from '../features/refunds/schema';
import { Problem } from '../features/shared/schemas';
import { ERRORS } from '../http/errors';
import { OPERATIONS, type Operation } from './operations';
import { webhookDocs } from './webhooks';

type JsonSchema = Record<string, unknown>;

/**
 * zod -> JSON Schema 2020-12, which OpenAPI 3.1 uses as is. Every schema given an `id` with
 * `.meta()` becomes a component; references between them point into #/components/schemas.
 */
function registrySchemas(io: 'input' | 'output'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return schemas;
}

function refTo(schema: z.ZodType): JsonSchema {
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  if (!id) throw new Error('documented request and response schemas need a .meta({ id })');
  return { $ref: `#/components/schemas/${id}` };
}

function pathParams(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function queryParams(op: Operation) {
  if (!op.query) return [];
  const json = z.toJSONSchema(op.query, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

const SECURITY = {
  secretKey: [{ apiKeyHeader: [] }, { bearerSecretKey: [] }],
  adminToken: [{ adminToken: [] }],
  none: [],
};

export function buildOpenApi(serverUrl: string) {
  // Responses are described as the API writes them, request bodies as clients may send them
  // (defaults optional): a schema used as a request body takes its input form.
  const components = registrySchemas('output');
  const inputs = registrySchemas('input');
  for (const op of OPERATIONS) {
    const id = op.body && (z.globalRegistry.get(op.body) as { id?: string } | undefined)?.id;
    if (id && inputs[id]) components[id] = inputs[id];
  }
  const problemRef = refTo(Problem);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      const media = Number(status) >= 400 ? 'application/problem+json' : 'application/json';
      const schema = r.schema ? refTo(r.schema) : problemRef;
      responses[status] = { description: r.description, content: { [media]: { schema } } };
    }
    responses.default = {
      description: 'Error',
      content: { 'application/problem+json': { schema: problemRef } },
    };
    const parameters = [...pathParams(op.path), ...queryParams(op)];
    if (op.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', maxLength: 255 } as never,
      });
    }
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      security: SECURITY[op.security],
      parameters,
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: refTo(op.body) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Borda API',
      version: '1.0.0',
      description: `Hosted checkout for Latin America. Errors are RFC 9457 problem documents; codes: ${Object.keys(ERRORS).join(', ')}.`,
    },
    servers: [{ url: serverUrl }],
    paths,
    webhooks: webhookDocs(refTo(RefundObject)),
    components: {
      schemas: components,
      securitySchemes: {
        apiKeyHeader: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'Your secret key (sk_test_/sk_live_).',
        },
        bearerSecretKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'Your secret key as a bearer token.',
        },
        adminToken: { type: 'http', scheme: 'bearer', description: 'The operator ADMIN_TOKEN.' },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApi>;
