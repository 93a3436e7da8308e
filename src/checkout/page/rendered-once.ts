import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Node = { toString(): string | Promise<string> };

const fragments = new Map<string, HtmlEscapedString>();

/**
 * A fragment that carries no session data (a brand's mark, the card form's fixed fields in one
 * language) is the same HTML on every page with the same key, so it is rendered once per isolate and
 * reused as markup. `key` must name everything the fragment depends on; hono/jsx escaped its text at
 * that first render. The keys are few (marks, languages, the current year), so nothing is evicted.
 */
export function renderedOnce<T extends Node>(key: string, render: () => T): HtmlEscapedString | T {
  const known = fragments.get(key);
  if (known !== undefined) return known;
  const node = render();
  const html = node.toString();
  // Only a synchronous render can be kept (none of these fragments has an async component).
  if (typeof html !== 'string' && !(html instanceof String)) return node;
  const kept = raw(String(html));
  fragments.set(key, kept);
  return kept;
}
