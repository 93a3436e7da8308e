import { and, asc, type Column, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from '../shared/cursor';

/** Which page of a newest-first list: rows older than `after`, or newer than `before` (cursors from a page). */
export type PageRequest = { after?: string; before?: string };

export type Page<T> = { rows: T[]; older: string | null; newer: string | null };

type Keys = { createdAt: Column; id: Column };

function cursorOf(text: string | undefined) {
  if (!text) return null;
  try {
    return decodeCursor(text);
  } catch {
    return null; // a mangled link shows the first page
  }
}

/**
 * Keyset (cursor) paging over (created_at, id), newest first: a page is found from the row it starts
 * after, never by an offset, so rows inserted meanwhile neither shift nor repeat a page. Returns the
 * condition and the order to query `limit + 1` rows with; `pageOf` cuts them.
 */
export function keyset(cols: Keys, req: PageRequest) {
  const before = cursorOf(req.before);
  const after = before ? null : cursorOf(req.after);
  if (before) {
    const newer = or(
      gt(cols.createdAt, before.at),
      and(eq(cols.createdAt, before.at), gt(cols.id, before.id)),
    );
    return {
      where: newer as SQL,
      order: [asc(cols.createdAt), asc(cols.id)],
      newerFirst: false,
      paged: true,
    };
  }
  const older = after
    ? (or(lt(cols.createdAt, after.at), and(eq(cols.createdAt, after.at), lt(cols.id, after.id))) as SQL)
    : undefined;
  return {
    where: older,
    order: [desc(cols.createdAt), desc(cols.id)],
    newerFirst: true,
    paged: after !== null,
  };
}

/** Cuts `limit + 1` rows fetched with `keyset` into a newest-first page and the cursors of its neighbours. */
export function pageOf<T>(
  rows: T[],
  plan: ReturnType<typeof keyset>,
  limit: number,
  key: (row: T) => { at: number; id: string },
): Page<T> {
  const more = rows.length > limit;
  const cut = rows.slice(0, limit);
  const page = plan.newerFirst ? cut : cut.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const cursor = (r: T | undefined) => (r ? encodeCursor(key(r).at, key(r).id) : null);
  // Going back (newer), an older page always exists: the one the link came from.
  const hasOlder = plan.newerFirst ? more : page.length > 0;
  const hasNewer = plan.newerFirst ? plan.paged && page.length > 0 : more;
  return { rows: page, older: hasOlder ? cursor(last) : null, newer: hasNewer ? cursor(first) : null };
}
