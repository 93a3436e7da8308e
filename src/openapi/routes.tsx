import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { contract } from '../http/contract';
import { newNonce, pageHeaders } from '../http/page-headers';
import { baseUrlOf } from '../http/problem';
import { DocsPage } from './docs-page';
import { buildOpenApi, type OpenApiDocument } from './document';

/**
 * `/openapi.json` and `/docs`, generated from `app`'s own routes. The document only depends on the
 * server URL: built once per isolate per origin.
 */
export function docsRoutes(app: Hono<AppEnv>) {
  const cache = new Map<string, Promise<OpenApiDocument>>();
  const documentFor = (serverUrl: string) => {
    let doc = cache.get(serverUrl);
    if (!doc) {
      doc = buildOpenApi(app as never, serverUrl);
      cache.set(serverUrl, doc);
    }
    return doc;
  };
  return new Hono<AppEnv>()
    .get(
      '/openapi.json',
      contract({
        operationId: 'openApiDocument',
        summary: 'This document',
        tag: 'Reference',
        auth: 'none',
        ok: { 200: { description: 'The OpenAPI 3.1 document' } },
        errors: [],
      }),
      async (c) => c.json(await documentFor(baseUrlOf(c))),
    )
    .get(
      '/docs',
      contract({
        operationId: 'referencePage',
        summary: 'The API reference page (HTML)',
        tag: 'Reference',
        auth: 'none',
        ok: { 200: { description: 'HTML page', media: 'text/html' } },
        errors: [],
      }),
      async (c) => {
        const nonce = newNonce();
        const doc = await documentFor(baseUrlOf(c));
        const html = `<!doctype html>${await (<DocsPage doc={doc} nonce={nonce} />).toString()}`;
        // The reference is public and cacheable; the checkout's policy otherwise (nonce CSP, no framing by others).
        return new Response(html, {
          headers: { ...pageHeaders(nonce, []), 'cache-control': 'public, max-age=300' },
        });
      },
    );
}
