import type { MiddlewareHandler } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import * as z from 'zod';
import type { ErrorCode } from '../domain/errors';
import { Problem } from '../features/shared/schemas';
import { ERRORS } from './errors';

/** Who may call an operation, as the OpenAPI document's security schemes name them. */
export type Auth = 'secretKey' | 'adminToken' | 'publicKey' | 'customer' | 'gateway' | 'none';

const SECURITY: Record<Auth, Record<string, string[]>[]> = {
  secretKey: [{ apiKeyHeader: [] }, { bearerSecretKey: [] }],
  adminToken: [{ adminToken: [] }],
  publicKey: [{ publicKey: [] }],
  // The session token in the path is the customer's capability: no key.
  customer: [],
  // Authenticated with the gateway account's own credentials, as each gateway documents.
  gateway: [],
  none: [],
};

type Success = { description: string; schema?: z.ZodType; media?: string };

/** One operation's contract, declared beside its handler; the OpenAPI document is generated from these. */
export type Contract = {
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  auth: Auth;
  /** The request body's schema (as clients send it: defaults optional). */
  body?: z.ZodType;
  /** Media types the body may come in; JSON unless said. */
  bodyMedia?: string[];
  query?: z.ZodObject;
  /** Honours an `Idempotency-Key` header. */
  idempotent?: boolean;
  /** Success answers by status. */
  ok: Record<number, Success>;
  /** The problem codes this operation may answer with (grouped by status in the document). */
  errors?: ErrorCode[];
};

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  const json = z.toJSONSchema(query, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query' as const,
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

function problemResponses(codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes)
    byStatus.set(ERRORS[code].status, [...(byStatus.get(ERRORS[code].status) ?? []), code]);
  const problem = { 'application/problem+json': { schema: resolver(Problem) } };
  const out: Record<string, { description: string; content: typeof problem }> = {};
  for (const [status, list] of byStatus) {
    out[String(status)] = {
      description: list.map((code) => `\`${code}\`: ${ERRORS[code].title}`).join('; '),
      content: problem,
    };
  }
  out.default = { description: 'Any other error, as an RFC 9457 problem document', content: problem };
  return out;
}

/**
 * Declares a route's contract (request, answers, errors, security) in the OpenAPI document that
 * `/openapi.json` generates from the app's routes, so a route cannot be served undocumented
 * (test/runtime/openapi.test.ts compares the two). At run time it only passes the request on.
 */
export function contract(c: Contract): MiddlewareHandler {
  const responses: Record<string, unknown> = {};
  for (const [status, ok] of Object.entries(c.ok)) {
    responses[status] = {
      description: ok.description,
      ...(ok.schema
        ? { content: { [ok.media ?? 'application/json']: { schema: resolver(ok.schema) } } }
        : {}),
    };
  }
  Object.assign(responses, problemResponses(c.errors ?? ['internal_error']));
  const parameters: Record<string, unknown>[] = queryParameters(c.query);
  if (c.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Retries with the same key within 24 h replay the first answer and change nothing.',
      schema: { type: 'string', maxLength: 255 },
    });
  }
  return describeRoute({
    operationId: c.operationId,
    summary: c.summary,
    ...(c.description ? { description: c.description } : {}),
    tags: [c.tag],
    security: SECURITY[c.auth],
    ...(parameters.length > 0 ? { parameters: parameters as never } : {}),
    ...(c.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              (c.bodyMedia ?? ['application/json']).map((m) => [
                m,
                { schema: resolver(c.body as z.ZodType, { io: 'input' }) },
              ]),
            ),
          },
        }
      : {}),
    responses: responses as never,
  });
}
