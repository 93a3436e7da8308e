import { and, type Column, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import { fieldError } from '../../domain/errors';

/** Opaque keyset cursor: the (created_at, id) of the last row of a page, base64url-encoded. */
export function encodeCursor(at: number, id: string): string {
  return btoa(JSON.stringify([at, id]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function decodeCursor(cursor: string): { at: number; id: string } {
  try {
    const parsed: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (Array.isArray(parsed) && Number.isSafeInteger(parsed[0]) && typeof parsed[1] === 'string') {
      return { at: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw fieldError('cursor', 'invalid_cursor', 'is not a cursor this API returned.');
}

/** The list filters every newest-first list shares: a created range and a cursor. */
export function createdRangeAndCursor(
  columns: { createdAt: Column; id: Column },
  input: { cursor?: string; created_gte?: string; created_lte?: string },
): SQL[] {
  const where: SQL[] = [];
  if (input.created_gte) where.push(gte(columns.createdAt, Date.parse(input.created_gte)));
  if (input.created_lte) where.push(lte(columns.createdAt, Date.parse(input.created_lte)));
  if (input.cursor) {
    const { at, id } = decodeCursor(input.cursor);
    const before = or(lt(columns.createdAt, at), and(eq(columns.createdAt, at), lt(columns.id, id)));
    if (before) where.push(before);
  }
  return where;
}

/** Cuts the `limit + 1` rows a list query fetched into a page and the cursor of the next one. */
export function toPage<T extends { createdAt: number; id: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const hasMore = rows.length > limit;
  return { page, hasMore, nextCursor: hasMore && last ? encodeCursor(last.createdAt, last.id) : null };
}
