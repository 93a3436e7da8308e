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
  return problemAnswer(err, c.get('requestId') ?? 'unknown', baseUrlOf(c), new URL(c.req.url).pathname);
}

/** The problem document as a response, for callers without a request context; `headers` are added. */
export function problemAnswer(
  err: ApiError,
  requestId: string,
  baseUrl: string,
  instance: string,
  headers: Record<string, string> = {},
): Response {
  const all: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE, ...headers };
  if (err.code === 'authentication_required' || err.code === 'invalid_api_key') {
    all['www-authenticate'] = 'Bearer realm="borda"';
  }
  const body = problemBody(err, requestId, baseUrl, instance);
  return new Response(JSON.stringify(body), { status: statusOf(err), headers: all });
}

/** The public origin: PUBLIC_BASE_URL when configured, else the origin the request came in on. */
export function baseUrlOf(c: Context): string {
  return publicBaseUrl(c.get('platform')?.config.publicBaseUrl, c.req.url);
}

/** PUBLIC_BASE_URL without its trailing slashes when set, else the origin of `requestUrl`. */
export function publicBaseUrl(configured: string | undefined, requestUrl: string): string {
  return configured ? configured.replace(/\/+$/, '') : new URL(requestUrl).origin;
}
