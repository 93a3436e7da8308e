import { Hono } from 'hono';
import { newNonce, pageHeaders } from '../checkout/page/headers';
import type { AppEnv } from '../http/context';
import { baseUrlOf } from '../http/problem';
import { DocsPage } from './docs-page';
import { buildOpenApi, type OpenApiDocument } from './document';

/** The document only depends on the server URL; build it once per isolate per origin. */
const cache = new Map<string, OpenApiDocument>();
function documentFor(serverUrl: string): OpenApiDocument {
  let doc = cache.get(serverUrl);
  if (!doc) {
    doc = buildOpenApi(serverUrl);
    cache.set(serverUrl, doc);
  }
  return doc;
}

export const docsRoutes = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(documentFor(baseUrlOf(c))))
  .get('/docs', async (c) => {
    const nonce = newNonce();
    const html = `<!doctype html>${await (<DocsPage doc={documentFor(baseUrlOf(c))} nonce={nonce} />).toString()}`;
    // The reference is public and cacheable; the checkout's policy otherwise (nonce CSP, no framing by others).
    return new Response(html, {
      headers: { ...pageHeaders(nonce, []), 'cache-control': 'public, max-age=300' },
    });
  });
