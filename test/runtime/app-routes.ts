import { buildApp } from '../../src/http/app';
import { ALL_PARTS } from '../../src/workers/all-parts';

export type AppRoute = { method: string; path: string };

/**
 * Every route the app serves, read from the app itself (Hono's route table), without the `ALL`
 * entries that are middleware. Tests that must cover every route iterate this list, so a new route
 * is covered, or the suite fails, without anyone remembering to add it.
 */
export function appRoutes(): AppRoute[] {
  const seen = new Map<string, AppRoute>();
  for (const r of buildApp(ALL_PARTS).routes) {
    if (r.method === 'ALL') continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** The `:name` parameters of a route path, and `*` for a wildcard tail. */
export function paramsOf(path: string): string[] {
  return path.split('/').flatMap((seg) => (seg.startsWith(':') ? [seg.slice(1)] : seg === '*' ? ['*'] : []));
}

/** Fills a route path's parameters from `values` (by name; `*` for the wildcard). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) return values[seg.slice(1)] ?? seg;
      if (seg === '*') return values['*'] ?? 'x';
      return seg;
    })
    .join('/');
}
