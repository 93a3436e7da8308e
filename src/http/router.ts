import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { TrieRouter } from 'hono/router/trie-router';

/**
 * Route trees hono's RegExpRouter cannot compile: it refuses a parameter beside a literal at the same
 * place (`/checkout/:token` beside `/checkout/orders/:id`, the panel's `/dashboard/:mode/*` beside
 * `/dashboard/users/*`, `/dev/mailbox/:id` beside `/dev/mailbox/messages`). hono's default router then
 * falls back to its TrieRouter for the whole app. These prefixes keep the TrieRouter; every other
 * request (the API, the checkout page, the client API) is matched by the RegExpRouter.
 */
export const TRIE_PREFIXES: readonly string[] = ['/dashboard', '/dev/mailbox', '/checkout/orders'];

function underTriePrefix(path: string): boolean {
  for (const prefix of TRIE_PREFIXES) {
    if (path.startsWith(prefix) && (path.length === prefix.length || path[prefix.length] === '/'))
      return true;
  }
  return false;
}

/**
 * The app's router: a TrieRouter with every route, and a RegExpRouter with every route outside
 * TRIE_PREFIXES. A request outside those prefixes can match no route inside them (their paths begin
 * with the literal prefix), so both routers find the same handlers in the same order for it; the
 * RegExpRouter answers it with one precompiled regular expression. test/runtime/router.test.ts checks
 * that every route the app serves is matched alike by this router and by a TrieRouter alone.
 */
export class SplitRouter<T> implements Router<T> {
  name = 'SplitRouter (RegExpRouter + TrieRouter)';
  readonly #fast = new RegExpRouter<T>();
  readonly #full = new TrieRouter<T>();

  add(method: string, path: string, handler: T): void {
    this.#full.add(method, path, handler);
    if (!underTriePrefix(path)) this.#fast.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    return underTriePrefix(path) ? this.#full.match(method, path) : this.#fast.match(method, path);
  }
}
