/** The three Workers Borda deploys as (README "Three Workers"). */
export type WorkerName = 'edge' | 'control' | 'core';

/**
 * Paths another Worker serves. The edge Worker receives every request and answers the rest itself:
 * the checkout, its client API, sessions, the dialects and the widget, the paths a customer waits on.
 * test/contract/app/worker-owner.test.ts checks every route of each part against this table.
 */
const ELSEWHERE: readonly (readonly [prefix: string, worker: WorkerName])[] = [
  ['/webhooks/gateways', 'core'],
  ['/dashboard', 'control'],
  ['/admin', 'control'],
  ['/docs', 'control'],
  ['/openapi.json', 'control'],
  ['/refunds', 'control'],
  ['/dev/mailbox', 'control'],
  ['/api/v1/payments', 'control'],
  ['/api/v1/test', 'control'],
  ['/api/v1/refunds', 'control'],
  ['/api/v1/events', 'control'],
  ['/api/v1/webhook_endpoints', 'control'],
  ['/api/v1/gateways', 'control'],
  ['/api/v1/merchant', 'control'],
  ['/api/v1/webhook_secret', 'control'],
];

/** The path as the router sees it: hono matches percent-decoded paths. */
function routedPath(pathname: string): string {
  if (!pathname.includes('%')) return pathname;
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

/** Which Worker serves a request for this path. */
export function ownerOf(pathname: string): WorkerName {
  const path = routedPath(pathname);
  for (const [prefix, worker] of ELSEWHERE) {
    if (path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === '/'))
      return worker;
  }
  return 'edge';
}
