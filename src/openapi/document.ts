import { z } from 'zod';
import { Problem } from '../api/shared/schemas';
import { ERRORS } from '../http/errors';
import { OPERATIONS, type Operation } from './operations';

type JsonSchema = Record<string, unknown>;

/** zod -> JSON Schema 2020-12, which OpenAPI 3.1 uses as is. Named schemas become components. */
function schemaOf(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, JsonSchema>,
): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  delete json.$schema;
  const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
  if (!id) return json;
  const name = io === 'input' || !components[id] ? id : `${id}Output`;
  components[name] = json;
  return { $ref: `#/components/schemas/${name}` };
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
  const components: Record<string, JsonSchema> = {};
  const problemRef = schemaOf(Problem, 'output', components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      const media = Number(status) >= 400 ? 'application/problem+json' : 'application/json';
      const schema = r.schema ? schemaOf(r.schema, 'output', components) : problemRef;
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
              content: { 'application/json': { schema: schemaOf(op.body, 'input', components) } },
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
