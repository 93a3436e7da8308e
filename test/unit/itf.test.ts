import { describe, expect, it } from 'vitest';
import { boletoBarcode } from '../../src/domain/boleto';
import { decodeInterleaved2of5, interleaved2of5Svg } from '../../src/domain/itf';

// The Caixa slip from @mrmgomes/boleto-utils' tests (see boleto.test.ts).
const PUBLISHED_BARCODE = '10499898100000214032006561000100040099726390';

type ParsedSvg = { width: number; height: number; bars: { x: number; width: number }[] };

// Reads the viewBox and every bar rectangle ("M x 0 h w v h h -w z") back out of the markup.
function parseSvg(svg: string): ParsedSvg {
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const d = /<path[^>]* d="([^"]*)"/.exec(svg);
  if (!viewBox?.[1] || !viewBox[2] || d?.[1] === undefined)
    throw new Error(`unexpected SVG: ${svg.slice(0, 200)}`);
  const bars = [...d[1].matchAll(/M([\d.]+) 0h([\d.]+)v[\d.]+h-[\d.]+z/g)].map((m) => ({
    x: Number(m[1]),
    width: Number(m[2]),
  }));
  return { width: Number(viewBox[1]), height: Number(viewBox[2]), bars };
}

/**
 * Turns the bars into the alternating bar/space width sequence a scanner sees, then classifies each width
 * as narrow or wide against the midpoint between the narrowest and widest element, as a reader would.
 */
function elementWidths(parsed: ParsedSvg): string {
  const widths: number[] = [];
  parsed.bars.forEach((bar, i) => {
    widths.push(bar.width);
    const next = parsed.bars[i + 1];
    if (next) widths.push(next.x - (bar.x + bar.width));
  });
  const threshold = (Math.min(...widths) + Math.max(...widths)) / 2;
  return widths.map((width) => (width > threshold ? 'w' : 'n')).join('');
}

// The ITF digit patterns (bars or spaces, 2 of 5 wide) typed again from the specification, so a slip in the
// implementation's copy cannot hide behind an encode/decode round trip that shares it.
const SPEC_PATTERNS: Record<string, string> = {
  '0': 'nnwwn',
  '1': 'wnnnw',
  '2': 'nwnnw',
  '3': 'wwnnn',
  '4': 'nnwnw',
  '5': 'wnwnn',
  '6': 'nwwnn',
  '7': 'nnnww',
  '8': 'wnnwn',
  '9': 'nwnwn',
};

// Start (narrow bar, narrow space, narrow bar, narrow space), interleaved pairs, stop (wide bar, narrow space,
// narrow bar).
function specElements(digits: string): string {
  let elements = 'nnnn';
  for (let i = 0; i < digits.length; i += 2) {
    const bars = SPEC_PATTERNS[digits.charAt(i)] ?? '?????';
    const spaces = SPEC_PATTERNS[digits.charAt(i + 1)] ?? '?????';
    for (let k = 0; k < 5; k++) elements += bars.charAt(k) + spaces.charAt(k);
  }
  return `${elements}wnn`;
}

const EVERY_DIGIT_TWICE = '01234567899876543210';

describe('interleaved2of5Svg', () => {
  const svg = interleaved2of5Svg(PUBLISHED_BARCODE);
  const parsed = parseSvg(svg);

  it('renders one crisp, viewBox-scaled SVG', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg.match(/<path /g)).toHaveLength(1);
    // Width and height are left to CSS; only the viewBox sets the geometry.
    expect(svg).not.toMatch(/<svg[^>]* width=/);
  });

  it('has the expected geometry: 10 + 4 + 22 pairs × 18 + 5 + 10 narrow widths', () => {
    expect(parsed.width).toBe(425);
    expect(parsed.height).toBe(50);
    // 2 start bars + 5 bars per pair + 2 stop bars.
    expect(parsed.bars).toHaveLength(2 + 22 * 5 + 2);
  });

  it('keeps a quiet zone of ten narrow widths on both sides over a white background', () => {
    const first = parsed.bars[0];
    const last = parsed.bars.at(-1);
    expect(first?.x).toBe(10);
    expect(last && parsed.width - (last.x + last.width)).toBe(10);
    expect(svg).toContain(`<rect width="${parsed.width}" height="${parsed.height}" fill="#fff"/>`);
  });

  it('decodes back to the 44 digits', () => {
    expect(decodeInterleaved2of5(elementWidths(parsed))).toBe(PUBLISHED_BARCODE);
  });

  it('round-trips generated boletos and custom sizes', () => {
    const barcode = boletoBarcode({
      bankCode: '001',
      amountCents: 123_456,
      dueDate: '2026-03-15',
      freeField: '0001090123456789000000010',
    });
    for (const opts of [{}, { narrow: 2, wide: 5, height: 40 }, { narrow: 0.5 }]) {
      const custom = parseSvg(interleaved2of5Svg(barcode, opts));
      expect(decodeInterleaved2of5(elementWidths(custom))).toBe(barcode);
      expect(custom.bars[0]?.x).toBe(10 * (opts.narrow ?? 1));
    }
  });

  it('draws exactly the element widths the pattern table prescribes, every digit as bars and as spaces', () => {
    expect(elementWidths(parseSvg(interleaved2of5Svg(EVERY_DIGIT_TWICE)))).toBe(
      specElements(EVERY_DIGIT_TWICE),
    );
    expect(elementWidths(parsed)).toBe(specElements(PUBLISHED_BARCODE));
  });

  it('uses a 3:1 wide to narrow ratio by default', () => {
    expect(new Set(parsed.bars.map((bar) => bar.width))).toEqual(new Set([1, 3]));
  });

  it.each([
    ['odd length', '123'],
    ['empty', ''],
    ['non-digits', '12a4'],
  ])('rejects %s input', (_name, digits) => {
    expect(() => interleaved2of5Svg(digits)).toThrow(RangeError);
  });

  it('rejects impossible sizes', () => {
    expect(() => interleaved2of5Svg('12', { narrow: 2, wide: 2 })).toThrow(/wider/);
    expect(() => interleaved2of5Svg('12', { height: 0 })).toThrow(/height/);
    expect(() => interleaved2of5Svg('12', { narrow: Number.NaN })).toThrow(/narrow/);
  });
});

describe('decodeInterleaved2of5', () => {
  // Worked by hand from the pattern table: 1 = wnnnw in the bars, 2 = nwnnw in the spaces, interleaved.
  it('decodes a hand-encoded pair', () => {
    expect(decodeInterleaved2of5('nnnn' + 'wnnwnnnnww' + 'wnn')).toBe('12');
  });

  it('decodes every digit in both bar and space position', () => {
    expect(decodeInterleaved2of5(specElements(EVERY_DIGIT_TWICE))).toBe(EVERY_DIGIT_TWICE);
  });

  it.each([
    ['a missing start', 'nnn' + 'wnnwnnnnww' + 'wnn', /start/],
    ['a missing stop', 'nnnn' + 'wnnwnnnnww' + 'nnn', /stop/],
    ['a partial pair', 'nnnn' + 'wnnwnnnnw' + 'wnn', /whole digit pairs/],
    ['no pairs at all', 'nnnnwnn', /whole digit pairs/],
    ['three wide bars', 'nnnn' + 'wnwwnnnnww' + 'wnn', /not an ITF digit/],
    ['other characters', 'nnnn' + 'wnnwnnnnwx' + 'wnn', /'n' or 'w'/],
  ])('rejects %s', (_name, modules, message) => {
    expect(() => decodeInterleaved2of5(modules)).toThrow(message);
  });
});
