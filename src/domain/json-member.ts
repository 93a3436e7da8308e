/**
 * The literal text of a top-level member of a JSON object, as the client wrote it ("150.00999999999999999"
 * rather than the float JSON.parse makes of it). Only called on text JSON.parse already accepted, so
 * the scan can trust the grammar. The last occurrence wins, as in JSON.parse. Null when absent or
 * when the member is not a number.
 */
export function jsonNumberMemberText(json: string, name: string): string | null {
  if (json.trimStart()[0] !== '{') return null;
  let depth = 0;
  let found: string | null = null;
  let i = 0;
  let expectKey = false;
  while (i < json.length) {
    const ch = json[i] as string;
    if (ch === '"') {
      const end = stringEnd(json, i);
      const token = json.slice(i, end);
      i = end;
      if (depth === 1 && expectKey) {
        const colon = skipSpace(json, i);
        const valueAt = skipSpace(json, colon + 1);
        if (JSON.parse(token) === name) {
          const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(json.slice(valueAt));
          found = number ? number[0] : null;
        }
        i = valueAt;
        expectKey = false;
      }
      continue;
    }
    if (ch === '{' || ch === '[') {
      depth += 1;
      expectKey = ch === '{' && depth === 1;
    } else if (ch === '}' || ch === ']') depth -= 1;
    else if (ch === ',' && depth === 1) expectKey = true;
    i += 1;
  }
  return found;
}

function stringEnd(s: string, start: number): number {
  let i = start + 1;
  while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && /\s/.test(s[i] as string)) i += 1;
  return i;
}
