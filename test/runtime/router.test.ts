import type { Result } from 'hono/router';
import { TrieRouter } from 'hono/router/trie-router';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app';
import { SplitRouter, TRIE_PREFIXES } from '../../src/http/router';
import { ALL_PARTS } from '../../src/workers/all-parts';
import { fillPath, paramsOf } from './app-routes';

type Handler = unknown;
type Matched = Array<[Handler, Record<string, string>]>;

/** A match as handlers with their parameters, whichever router's result shape it came in. */
function normalize(result: Result<Handler>): Matched {
  const [found, stash] = result as [Array<[Handler, Record<string, unknown>]>, string[] | undefined];
  return found.map(([h, params]) => [
    h,
    Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, stash ? (stash[v as number] as string) : (v as string)]),
    ),
  ]);
}

/** Every route of the app, in registration order, each with a distinct handler. */
function appTable() {
  return buildApp(ALL_PARTS).routes.map((r, i) => ({
    method: r.method,
    path: r.path,
    handler: `#${i} ${r.method} ${r.path}`,
  }));
}

function routers() {
  const split = new SplitRouter<Handler>();
  const trie = new TrieRouter<Handler>();
  for (const r of appTable()) {
    split.add(r.method, r.path, r.handler);
    trie.add(r.method, r.path, r.handler);
  }
  return { split, trie };
}

/** Request paths for every route (parameters filled in), and paths on the edges of the trie prefixes. */
function requestPaths(): string[] {
  const paths = new Set<string>();
  for (const r of appTable()) {
    const values = Object.fromEntries(paramsOf(r.path).map((p) => [p, p === '*' ? 'x/y' : `v_${p}`]));
    paths.add(fillPath(r.path, values));
    paths.add(fillPath(r.path.replace(/\/\*$/, ''), values));
  }
  for (const prefix of TRIE_PREFIXES) {
    paths.add(prefix);
    paths.add(`${prefix}/`);
    paths.add(`${prefix}x`);
    paths.add(`${prefix}x/y`);
  }
  paths.add('/');
  paths.add('/nowhere/at/all');
  // Hono hands a router the path of the URL, which always begins with a slash.
  return [...paths].filter((p) => p.startsWith('/'));
}

describe('the app router', () => {
  it('matches every route the app serves exactly as a TrieRouter holding all of them does', () => {
    const { split, trie } = routers();
    const methods = [
      ...new Set(
        appTable()
          .map((r) => r.method)
          .filter((m) => m !== 'ALL'),
      ),
      'OPTIONS',
      'HEAD',
    ];
    let compared = 0;
    for (const path of requestPaths()) {
      for (const method of methods) {
        expect(normalize(split.match(method, path)), `${method} ${path}`).toEqual(
          normalize(trie.match(method, path)),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('answers the hot paths with the RegExpRouter (one precompiled expression), the panel with the TrieRouter', () => {
    const { split } = routers();
    const token = 'cs_test_0123456789abcdefghijklmnop';
    // A RegExpRouter result carries the parameter stash beside the handlers; a TrieRouter's does not.
    const viaRegExp = (method: string, path: string) => split.match(method, path).length === 2;
    expect(viaRegExp('POST', `/c/v1/sessions/${token}/payments`)).toBe(true);
    expect(viaRegExp('GET', `/c/v1/sessions/${token}/status`)).toBe(true);
    expect(viaRegExp('GET', `/c/v1/sessions/${token}`)).toBe(true);
    expect(viaRegExp('GET', `/checkout/${token}`)).toBe(true);
    expect(viaRegExp('POST', '/api/v1/checkout/sessions')).toBe(true);
    expect(viaRegExp('GET', '/dashboard/test/overview')).toBe(false);
    expect(viaRegExp('GET', '/checkout/orders/ord_1')).toBe(false);
    expect(buildApp(ALL_PARTS).router.name).toContain('RegExpRouter');
  });
});
