import type { Context } from 'hono';
import { type ApiError, ERRORS, statusOf } from './errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Builds the RFC 9457 problem document for an ApiError. */
export function problemBody(err: ApiError, requestId: string, baseUrl: string, instance: string) {
  return {
    type: `${baseUrl}/docs#error-${err.code}`,
    title: ERRORS[err.code].title,
    status: statusOf(err),
    detail: err.message,
    code: err.code,
    instance,
    request_id: requestId,
    ...(err.errors ? { errors: err.errors } : {}),
    ...err.extra,
  };
}

export function problemResponse(c: Context, err: ApiError): Response {
  const body = problemBody(err, c.get('requestId') ?? 'unknown', baseUrlOf(c), new URL(c.req.url).pathname);
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  if (err.code === 'authentication_required' || err.code === 'invalid_api_key') {
    headers['www-authenticate'] = 'Bearer realm="borda"';
  }
  return new Response(JSON.stringify(body), { status: statusOf(err), headers });
}

/** The public origin: PUBLIC_BASE_URL when configured, else the origin the request came in on. */
export function baseUrlOf(c: Context): string {
  const configured = c.get('platform')?.config.publicBaseUrl;
  return configured ? configured.replace(/\/+$/, '') : new URL(c.req.url).origin;
}
