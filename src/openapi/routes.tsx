import { Hono } from 'hono';
import type { AppEnv } from '../http/context';
import { contract } from '../http/contract';
import { newNonce, pageHeaders } from '../http/page-headers';
import { baseUrlOf } from '../http/problem';
import { DocsPage } from './docs-page';
import type { OpenApiDocument } from './document';
import generated from './openapi.json';

/**
 * `/openapi.json` and `/docs`. The document is generated from every route's contract when the routes
 * change (`npm run openapi:document`; test/contract/app/openapi-document.test.ts fails while it is stale),
 * not at run time: no single Worker of the three holds every route (README "Three Workers"). Only
 * the server URL is the request's own.
 */
const documentFor = (serverUrl: string): OpenApiDocument => ({
  ...(generated as unknown as OpenApiDocument),
  servers: [{ url: serverUrl }],
});

export const docsRoutes = new Hono<AppEnv>()
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
    (c) => c.json(documentFor(baseUrlOf(c))),
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
      const doc = documentFor(baseUrlOf(c));
      const html = `<!doctype html>${await (<DocsPage doc={doc} nonce={nonce} />).toString()}`;
      // The reference is public and cacheable; the checkout's policy otherwise (nonce CSP, no framing by others).
      return new Response(html, {
        headers: { ...pageHeaders(nonce, []), 'cache-control': 'public, max-age=300' },
      });
    },
  );
