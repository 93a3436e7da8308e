import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildApp } from '../../../src/http/app';
import { buildOpenApi } from '../../../src/openapi/document';
import { ALL_PARTS } from '../../../src/workers/all-parts';

const FILE = path.resolve(import.meta.dirname, '../../../src/openapi/openapi.json');

/**
 * The served document is generated ahead of time from every route's contract (no one Worker of the
 * three holds them all). This fails when a route, schema or error changed and the file was not
 * regenerated; `npm run openapi:document` writes it.
 */
test('src/openapi/openapi.json is the document the routes declare', async () => {
  const doc = await buildOpenApi(buildApp(ALL_PARTS) as never, 'https://borda.example');
  const text = `${JSON.stringify({ ...doc, servers: [] }, null, 1)}\n`;
  if (process.env.UPDATE_OPENAPI_DOCUMENT === '1') writeFileSync(FILE, text);
  expect(readFileSync(FILE, 'utf8'), 'stale: run `npm run openapi:document`').toBe(text);
});
