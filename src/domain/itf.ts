/**
 * Interleaved 2 of 5 (ITF), the symbology Febraban prescribes for the boleto barcode: digits are taken in
 * pairs, the first drawn in the widths of five bars and the second in the widths of the five spaces between
 * them. Rendering is plain SVG text so it runs in workerd without any image library.
 */

// Two of the five elements of every digit are wide ("2 of 5"); index = digit.
const PATTERNS = ['nnwwn', 'wnnnw', 'nwnnw', 'wwnnn', 'nnwnw', 'wnwnn', 'nwwnn', 'nnnww', 'wnnwn', 'nwnwn'];
const DIGIT_OF_PATTERN = new Map(PATTERNS.map((pattern, digit) => [pattern, String(digit)]));
// Element widths alternate bar, space, bar... starting with a bar; start and stop frame the pairs.
const START = 'nnnn';
const STOP = 'wnn';
const PAIR_ELEMENTS = 10;
// ITF needs at least ten narrow widths of blank on each side for a scanner to find the start pattern.
const QUIET_ZONE_NARROWS = 10;
const DEFAULT_NARROW = 1;
const WIDE_TO_NARROW = 3;
const DEFAULT_HEIGHT = 50;

/** The run of element widths ('n'/'w', alternating bar and space from a bar) that encodes `digits`. */
function encode(digits: string): string {
  let elements = START;
  for (let i = 0; i < digits.length; i += 2) {
    const bars = PATTERNS[Number(digits[i])] ?? '';
    const spaces = PATTERNS[Number(digits[i + 1])] ?? '';
    for (let k = 0; k < 5; k++) elements += `${bars[k]}${spaces[k]}`;
  }
  return elements + STOP;
}

// Rounds away binary float noise (0.1 + 0.2) so coordinates stay short and stable in the markup.
function num(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

/**
 * Renders an even-length digit string (a boleto's 44-digit barcode) as an ITF SVG: one black `<path>` of
 * bars over a white background that includes a quiet zone of ten narrow widths on each side. Sizes are in
 * viewBox units (narrow 1, wide 3, height 50 by default), so the caller scales it with CSS; the aspect ratio
 * is not locked because stretching a barcode horizontally keeps its bar ratios intact. Throws a RangeError
 * for non-digits, an odd length (ITF can only encode pairs) or non-positive sizes.
 */
export function interleaved2of5Svg(
  digits: string,
  opts: { height?: number; narrow?: number; wide?: number } = {},
): string {
  if (!/^\d+$/.test(digits)) throw new RangeError('ITF encodes digits only');
  if (digits.length % 2 !== 0) throw new RangeError(`ITF encodes digit pairs; got ${digits.length} digits`);
  const narrow = positive('narrow', opts.narrow ?? DEFAULT_NARROW);
  const wide = positive('wide', opts.wide ?? narrow * WIDE_TO_NARROW);
  const height = positive('height', opts.height ?? DEFAULT_HEIGHT);
  if (wide <= narrow) throw new RangeError('wide elements must be wider than narrow ones');

  const quietZone = QUIET_ZONE_NARROWS * narrow;
  let x = quietZone;
  let path = '';
  [...encode(digits)].forEach((element, index) => {
    const width = element === 'w' ? wide : narrow;
    // Even indexes are bars; spaces are simply the gaps the cursor skips.
    if (index % 2 === 0) path += `M${num(x)} 0h${num(width)}v${num(height)}h-${num(width)}z`;
    x += width;
  });
  const totalWidth = num(x + quietZone);
  const h = num(height);
  // aria-hidden: the checkout prints the linha digitável next to the barcode, which is what people read.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${totalWidth} ${h}" preserveAspectRatio="none" ` +
    `shape-rendering="crispEdges" aria-hidden="true">` +
    `<rect width="${totalWidth}" height="${h}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

/**
 * Decodes a run of ITF element widths ('n' narrow, 'w' wide; bars and spaces alternating from the start
 * pattern's first bar through the stop pattern) back into digits. Throws a RangeError when the start or stop
 * pattern is missing, the length cannot hold whole pairs, or a group of five is not a valid 2-of-5 pattern.
 */
export function decodeInterleaved2of5(modules: string): string {
  if (!/^[nw]+$/.test(modules)) throw new RangeError("ITF element widths must be 'n' or 'w'");
  if (!modules.startsWith(START)) throw new RangeError('ITF start pattern (nnnn) not found');
  if (!modules.endsWith(STOP)) throw new RangeError('ITF stop pattern (wnn) not found');
  const body = modules.slice(START.length, modules.length - STOP.length);
  if (body.length === 0 || body.length % PAIR_ELEMENTS !== 0) {
    throw new RangeError(`ITF body of ${body.length} elements does not hold whole digit pairs`);
  }
  let digits = '';
  for (let offset = 0; offset < body.length; offset += PAIR_ELEMENTS) {
    let bars = '';
    let spaces = '';
    for (let k = 0; k < PAIR_ELEMENTS; k += 2) {
      bars += body[offset + k];
      spaces += body[offset + k + 1];
    }
    for (const pattern of [bars, spaces]) {
      const digit = DIGIT_OF_PATTERN.get(pattern);
      if (digit === undefined)
        throw new RangeError(`'${pattern}' at element ${START.length + offset} is not an ITF digit`);
      digits += digit;
    }
  }
  return digits;
}
