import type { Context } from 'hono';
import * as z from 'zod';
import { duplicateKeyPath } from '../domain/json-member';
import { ApiError, type FieldError, fieldError } from './errors';

/** Merchant requests are small; anything larger is refused before it is buffered whole. */
export const MAX_BODY_BYTES = 64 * 1024;

/** JSON media types (application/json and application/*+json). */
export const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** JSON or an HTML form: what gateways post their notifications as (EBANX sends a form). */
export const JSON_OR_FORM_MEDIA = /^application\/(?:(?:[\w.+-]+\+)?json|x-www-form-urlencoded)\s*(?:;|$)/i;

/**
 * Reads the request body as text, at most MAX_BODY_BYTES, refusing content types other than `accept`
 * (JSON unless told). An empty body is returned as '' (some POSTs, like expire, take none).
 */
export async function readBodyText(
  req: Request,
  opts: { form?: boolean; accept?: RegExp } = {},
): Promise<string> {
  const length = req.headers.get('content-length');
  const declared = Number(length ?? '0');
  if (declared > MAX_BODY_BYTES)
    throw new ApiError('payload_too_large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  if (!req.body) return '';
  // A declared length within the limit is what the body holds (HTTP frames it so): read it in one
  // call. Without one (chunked), the body is read chunk by chunk and cut off past the limit.
  const all =
    length !== null && Number.isSafeInteger(declared) && declared >= 0
      ? new Uint8Array(await req.arrayBuffer())
      : await readLimited(req.body);
  if (all.byteLength > MAX_BODY_BYTES)
    throw new ApiError('payload_too_large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  if (all.byteLength === 0) return '';
  const type = req.headers.get('content-type') ?? '';
  const form = opts.form === true && /^application\/x-www-form-urlencoded\s*(?:;|$)/i.test(type);
  if (!form && !(opts.accept ?? JSON_MEDIA).test(type)) {
    throw new ApiError(
      'unsupported_media_type',
      'Send the body as JSON with Content-Type: application/json.',
    );
  }
  let text: string;
  try {
    text = UTF8.decode(all);
  } catch {
    throw new ApiError('invalid_json', 'The body is not valid UTF-8.');
  }
  return form ? formAsJsonText(text) : text;
}

/** Strict UTF-8 (a malformed byte is an error, not U+FFFD); one decoder, each call a whole body. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A body of unknown length, read until it ends or passes MAX_BODY_BYTES (then refused). */
async function readLimited(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new ApiError('payload_too_large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return all;
}

/**
 * A form-encoded body as the JSON text the handlers parse. Ruby's Net::HTTP (the Fintoc document's
 * example) labels a JSON body `application/x-www-form-urlencoded` when no type is set, so a body that
 * is JSON stays JSON; real form pairs become an object, `metadata[key]=v` nesting one level, and whole
 * numbers become numbers (form values have no types; the schema still checks every field).
 */
export function formAsJsonText(text: string): string {
  if (/^\s*[{[]/.test(text)) return text;
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [key, raw] of new URLSearchParams(text)) {
    // `amount=1000&amount=2000` must not quietly charge one of them.
    if (seen.has(key)) throw fieldError(key, 'duplicate_field', 'is given more than once.');
    seen.add(key);
    const value: unknown = /^-?\d{1,15}$/.test(raw) ? Number(raw) : raw;
    const nested = /^(\w+)\[(\w+)\]$/.exec(key);
    if (nested?.[1] && nested[2]) {
      const inner = (Object.hasOwn(out, nested[1]) ? out[nested[1]] : {}) as Record<string, unknown>;
      if (typeof inner !== 'object' || inner === null) continue;
      // Metadata values are strings in Borda: a nested value stays as sent.
      Object.defineProperty(inner, nested[2], {
        value: raw,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      out[nested[1]] = inner;
    } else {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return JSON.stringify(out);
}

export function parseJsonText(text: string): unknown {
  if (text === '')
    throw new ApiError('invalid_json', 'The request body is empty; a JSON object is required.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ApiError('invalid_json', `The request body is not valid JSON: ${(e as Error).message}`);
  }
  checkText(value, []);
  const repeated = duplicateKeyPath(text);
  if (repeated) {
    const field = fieldPath(repeated);
    throw fieldError(field, 'duplicate_field', `${field} is given more than once; send each field once.`);
  }
  return value;
}

/** Deeper nesting than any Borda request needs; refusing it keeps every later walk bounded. */
export const MAX_JSON_DEPTH = 32;

/**
 * Refuses what JSON allows but storage would silently change: lone surrogates ("\ud800", which D1
 * stores as U+FFFD) and "__proto__" keys (which any object rebuilt from the body loses); and bodies
 * nested deeper than MAX_JSON_DEPTH. Iterative, so a hostile body cannot exhaust the stack.
 */
function checkText(root: unknown, rootPath: PropertyKey[]): void {
  const pending: Array<[unknown, PropertyKey[]]> = [[root, rootPath]];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const [value, path] = item;
    if (path.length > MAX_JSON_DEPTH) {
      throw new ApiError('invalid_json', `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
    }
    if (typeof value === 'string') {
      if (!value.isWellFormed()) {
        throw new ApiError(
          'invalid_json',
          'The request body holds text that is not valid Unicode (an unpaired surrogate).',
        );
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        pending.push([v, [...path, i]]);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === '__proto__') {
          const field = fieldPath([...path, k]);
          throw new ApiError('validation_failed', `${field}: this key name is reserved.`, {
            errors: [{ field, code: 'reserved_key', message: 'This key name is reserved.' }],
          });
        }
        pending.push([k, path], [v, [...path, k]]);
      }
    }
  }
}

/** Renders a zod path as `payment_settings[0].discount`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/**
 * Of a union's branches, the one the value was most likely meant for: one whose complaints are all
 * inside the value (its type fit), else one that did not reject the value's type outright; null if
 * every branch did.
 */
function plausibleBranch(branches: z.core.$ZodIssue[][]): z.core.$ZodIssue[] | null {
  const inside = branches.find((b) => b.length > 0 && b.every((i) => i.path.length > 0));
  if (inside) return inside;
  // When every branch rejects the value's type, the union's own message is the honest one.
  return branches.find((b) => !b.some((i) => i.path.length === 0 && i.code === 'invalid_type')) ?? null;
}

/** Turns zod issues into the API's `errors` list with stable codes. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

export function toFieldErrors(error: z.ZodError, input: unknown): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          field: fieldPath([...issue.path, key]),
          code: 'unknown_field',
          message: `Unknown field "${key}".`,
        });
      }
      continue;
    }
    const branch = issue.code === 'invalid_union' ? plausibleBranch(issue.errors) : null;
    if (issue.code === 'invalid_union' && branch) {
      // "Invalid input" says little; report the branch the value was evidently meant for.
      const nested = new z.ZodError(branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
      out.push(...toFieldErrors(nested, input));
      continue;
    }
    const field = fieldPath(issue.path) || '(body)';
    let code: string = issue.code;
    // A missing field is "required" whatever its schema (an enum reports a missing value as invalid_value).
    if (
      (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
      valueAt(input, issue.path) === undefined
    ) {
      code = 'required';
    } else if (issue.code === 'custom' && typeof issue.params?.code === 'string') code = issue.params.code;
    out.push({ field, code, message: issue.message });
  }
  return out;
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = toFieldErrors(result.error, value);
    const detail =
      errors.length === 1
        ? `${errors[0]?.field}: ${errors[0]?.message}`
        : `${errors.length} fields are invalid.`;
    throw new ApiError('validation_failed', detail, { errors });
  }
  return result.data;
}

/** Validates the body the middleware already read (see app.ts) against a zod schema. */
export function jsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  opts: { emptyIsObject?: boolean } = {},
): z.output<S> {
  const text = c.get('rawBody') ?? '';
  // Some POSTs take an optional body (a full refund needs none): empty then means `{}`.
  return validate(schema, opts.emptyIsObject && text === '' ? {} : parseJsonText(text));
}
