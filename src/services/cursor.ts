import { fieldError } from '../http/errors';

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
