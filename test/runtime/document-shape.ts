import { expect } from 'vitest';

/** The format a documented example value shows, so the produced value can be held to the same one. */
const FORMATS: Array<[string, RegExp]> = [
  ['ISO 8601 with milliseconds and Z', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/],
  ['ISO 8601 with Z', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/],
  ['YYYY-mm-dd HH:MM:SS', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/],
  ['UNIX seconds as a string', /^\d{10}$/],
  ['URL', /^https?:\/\//],
];
/** Currency and country codes: their case is part of the format (Fintoc's `clp`/`cl`, ISO's `CLP`). */
const CODE_FORMATS: Array<[string, RegExp]> = [
  ['a lowercase code', /^[a-z]{2,3}$/],
  ['an uppercase code', /^[A-Z]{2,3}$/],
];

/**
 * Holds `actual` to the document's `example`, field by field: every documented field is present, with
 * the documented type, and strings in the documented format (dates, codes, case). `nullable` names the
 * paths Borda may leave null because it cannot know them (e.g. a payer's bank account).
 * Returns the paths compared, so a test can say what it covered.
 */
export function expectDocumentShape(
  example: unknown,
  actual: unknown,
  opts: { nullable?: string[]; path?: string } = {},
): string[] {
  const path = opts.path ?? '$';
  const nullable = opts.nullable ?? [];
  if (nullable.includes(path) && actual === null) return [path];
  if (example === null) {
    expect(actual, `${path} is documented (null in the example)`).not.toBeUndefined();
    return [path];
  }
  if (Array.isArray(example)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const [first] = example;
    const [got] = actual as unknown[];
    if (first !== undefined && got !== undefined) {
      return [path, ...expectDocumentShape(first, got, { nullable, path: `${path}[0]` })];
    }
    return [path];
  }
  if (typeof example === 'object') {
    expect(actual, `${path} is an object`).toBeTypeOf('object');
    expect(actual, `${path} is not null`).not.toBeNull();
    const out = [path];
    for (const [key, value] of Object.entries(example as Record<string, unknown>)) {
      const child = `${path}.${key}`;
      expect(Object.hasOwn(actual as object, key), `${child} is present`).toBe(true);
      out.push(
        ...expectDocumentShape(value, (actual as Record<string, unknown>)[key], { nullable, path: child }),
      );
    }
    return out;
  }
  expect(typeof actual, `${path} has the documented type`).toBe(typeof example);
  if (typeof example === 'string') {
    const isCode = /\.(currency|country)$/.test(path);
    for (const [name, re] of isCode ? [...FORMATS, ...CODE_FORMATS] : FORMATS) {
      if (re.test(example)) expect(actual, `${path} is ${name}`).toMatch(re);
    }
  }
  return [path];
}
