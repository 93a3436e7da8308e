import { ApiError } from '../domain/errors';
import { problemAnswer, publicBaseUrl } from '../http/problem';
import { newId } from '../lib/ids';
import type { WorkerName } from './owner';

/** Seconds a client is asked to wait before retrying a request the serving Worker could not take. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Hands a request to the Worker that serves it, over its service binding. The other Workers answer
 * their own errors as problem+json; what reaches here is a failure of the platform around them (the
 * Worker exceeded its limits, was being deployed, could not be reached), which rejects the call: the
 * client gets a 503 problem it can retry, never Cloudflare's bare error page. Nothing is retried here,
 * since the request may be a POST the other Worker had begun.
 */
export async function forward(
  to: Fetcher,
  request: Request,
  worker: WorkerName,
  configuredBase: string | undefined,
): Promise<Response> {
  try {
    return await to.fetch(request);
  } catch (err) {
    const id = newId('req', 16);
    // Never the error's text: it might hold request data. The request id ties the log to the reply.
    console.error(
      `request ${id} to the ${worker} Worker failed: ${err instanceof Error ? err.name : 'unknown'}`,
    );
    const problem = new ApiError(
      'service_unavailable',
      `Retry in ${RETRY_AFTER_SECONDS} seconds. Reference ${id} when contacting support.`,
    );
    return problemAnswer(
      problem,
      id,
      publicBaseUrl(configuredBase, request.url),
      new URL(request.url).pathname,
      {
        'retry-after': String(RETRY_AFTER_SECONDS),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-request-id': id,
      },
    );
  }
}
