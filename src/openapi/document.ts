import type { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import * as z from 'zod';
import { ERRORS } from '../http/errors';
import { PaymentEventBody, RefundEventBody, SessionEventBody, webhooksObject } from './webhooks';

type JsonSchema = Record<string, unknown>;

/** Every zod schema with an `id`, as JSON Schema 2020-12 components (what OpenAPI 3.1 uses as is). */
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

const idOf = (schema: z.ZodType) => (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id ?? '';
const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${idOf(schema)}` });

/**
 * The OpenAPI 3.1 document, generated from the contracts the app's routes declare (src/http/contract.ts)
 * and the outgoing webhooks; nothing here lists routes by hand.
 */
export async function buildOpenApi(app: Hono<never>, serverUrl: string) {
  const doc = (await generateSpecs(app as never, {
    // Borda serves files by name (/openapi.json, /js/v1/checkout.js): document them like any route.
    excludeStaticFile: false,
    documentation: {
      openapi: '3.1.0',
      info: {
        title: 'Borda API',
        version: '1.0.0',
        description: `Hosted checkout for Latin America. Errors are RFC 9457 problem documents; codes: ${Object.keys(ERRORS).join(', ')}.`,
      },
      servers: [{ url: serverUrl }],
      components: {
        securitySchemes: {
          apiKeyHeader: {
            type: 'apiKey',
            in: 'header',
            name: 'X-API-Key',
            description: 'Your secret key (sk_test_/sk_live_); its mode is the world it sees.',
          },
          bearerSecretKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'Your secret key as a bearer token.',
          },
          publicKey: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: 'Your public key (pk_test_/pk_live_), for the embeddable widget.',
          },
          adminToken: { type: 'http', scheme: 'bearer', description: 'The operator ADMIN_TOKEN.' },
        },
      },
      webhooks: webhooksObject({
        payment: ref(PaymentEventBody),
        session: ref(SessionEventBody),
        refund: ref(RefundEventBody),
      }) as never,
    },
  })) as unknown as OpenApiDocument;
  // Schemas only the webhooks use are not reached from a route: add every registered one missing.
  const all = registrySchemas('output');
  for (const [id, schema] of Object.entries(all)) doc.components.schemas[id] ??= schema;
  // A schema a request body uses is shown as clients may send it (defaults optional), not as parsed.
  const inputs = registrySchemas('input');
  for (const ops of Object.values(doc.paths)) {
    for (const op of Object.values(ops)) {
      const content = (
        op.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined
      )?.content;
      for (const media of Object.values(content ?? {})) {
        const id = media.schema?.$ref?.split('/').pop();
        if (id && inputs[id]) doc.components.schemas[id] = inputs[id];
      }
    }
  }
  return doc;
}

export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, Record<string, unknown>>>;
  webhooks: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
};
