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

type Frame = { keys: Set<string> | null; key: string | number | undefined };

/**
 * The path of the first key a JSON object of `json` repeats (`{"amount":1,"amount":2}` gives
 * ['amount']), or null. JSON.parse keeps the last value without a word, where another reader of the
 * same text may take the first. Keys are compared as decoded ("\u0061mount" is "amount"). Only called
 * on text JSON.parse already accepted, so the scan can trust the grammar.
 */
export function duplicateKeyPath(json: string): (string | number)[] | null {
  const frames: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < json.length; ) {
    const code = json.charCodeAt(i);
    const top = frames[frames.length - 1];
    if (code === 0x22) {
      const end = stringEnd(json, i);
      if (top?.keys && expectKey) {
        const raw = json.slice(i + 1, end - 1);
        const key = raw.includes('\\') ? (JSON.parse(json.slice(i, end)) as string) : raw;
        if (top.keys.has(key)) return [...frames.slice(0, -1).map((f) => f.key as string | number), key];
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end;
      continue;
    }
    if (code === 0x7b || code === 0x5b) {
      // `{` or `[`: a container, at its place in the one around it.
      frames.push({ keys: code === 0x7b ? new Set() : null, key: code === 0x5b ? 0 : undefined });
      expectKey = code === 0x7b;
    } else if (code === 0x7d || code === 0x5d) frames.pop();
    else if (code === 0x2c && top) {
      if (top.keys) expectKey = true;
      else top.key = (top.key as number) + 1;
    }
    i += 1;
  }
  return null;
}
