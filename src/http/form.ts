import { ApiError } from '../domain/errors';

const MAX_FORM_BYTES = 64 * 1024;

/**
 * Reads an urlencoded form body (the only kind Borda's HTML forms send: the panel's, the refund
 * bank-account page's) into strings, bounded.
 */
export async function readForm(req: Request): Promise<Record<string, string>> {
  // Such forms are a few fields: a body declared past 64 KiB is refused unread; one sent without a
  // length is refused once read past that size.
  if (Number(req.headers.get('content-length') ?? 0) > MAX_FORM_BYTES)
    throw new ApiError('payload_too_large');
  const type = req.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return {};
  const text = await req.text();
  if (text.length > MAX_FORM_BYTES) throw new ApiError('payload_too_large');
  const data = new URLSearchParams(text);
  const out: Record<string, string> = {};
  for (const [k, v] of data) out[k] = v;
  return out;
}
