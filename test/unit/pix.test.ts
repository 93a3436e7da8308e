import jsQR from 'jsqr';
import { hasError, isStaticPix, parsePix } from 'pix-utils';
import { computeCRC } from 'pix-utils/dist/module/crc';
import QRCode from 'qrcode-svg';
import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/checkout/qr';
import {
  buildPixPayload,
  crc16CcittFalse,
  type PixPayloadInput,
  parsePixPayload,
} from '../../src/domain/pix';

const EVP_KEY = '123e4567-e12b-12d1-a456-426655440000';

const BASE: PixPayloadInput = {
  key: EVP_KEY,
  merchantName: 'Fulano de Tal',
  merchantCity: 'BRASILIA',
  amountCents: 15000,
  txid: 'PEDIDO123',
  description: 'Pedido 123',
};

function build(overrides: Partial<PixPayloadInput>): string {
  return buildPixPayload({ ...BASE, ...overrides });
}

// Reads one field, failing the test (rather than returning undefined) when it is missing.
function fieldOf(payload: string, id: string): string {
  const value = parsePixPayload(payload).get(id);
  if (value === undefined) throw new Error(`field ${id} missing from ${payload}`);
  return value;
}

describe('crc16CcittFalse', () => {
  // Check values of CRC-16/CCITT-FALSE, cross-checked with Python's binascii.crc_hqx(data, 0xFFFF).
  it.each([
    ['123456789', '29B1'],
    ['A', 'B915'],
    ['', 'FFFF'],
  ])('%j -> %s', (text, expected) => {
    expect(crc16CcittFalse(text)).toBe(expected);
  });

  // Published BR Codes; each CRC was also recomputed with binascii.crc_hqx before being listed here.
  it.each([
    // The BCB manual's static example (no amount), quoted across PIX integration guides.
    '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D',
    // pix-utils README examples: static with amount and description, dynamic, and a 15-character city.
    '00020126650014br.gov.bcb.pix0119nubank@thalesog.com0220Gerado por Pix-Utils52040000530398654041.005802BR5914Thales Ogliari6009Sao Paulo62070503***63046069',
    '00020126540014br.gov.bcb.pix2532https://pix.thalesogliari.com.br5204000053039865802BR5914Thales Ogliari6009SAO PAULO62070503***63043FD3',
    '00020126650014br.gov.bcb.pix0119nubank@thalesog.com0220Gerado por Pix-Utils52040000530398654041.005802BR5914Thales Ogliari6015SAO MIGUEL DO O62070503***6304059A',
  ])('matches the CRC of %s', (code) => {
    expect(crc16CcittFalse(code.slice(0, -4))).toBe(code.slice(-4));
  });
});

describe('buildPixPayload', () => {
  it('builds the exact expected BR Code', () => {
    // Assembled by hand field by field; CRC computed independently with binascii.crc_hqx.
    expect(buildPixPayload(BASE)).toBe(
      '00020101021226720014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400000210Pedido 123' +
        '5204000053039865406150.005802BR5913Fulano de Tal6008BRASILIA62130509PEDIDO1236304C0C4',
    );
  });

  it('emits the fields in BR Code order with their fixed values', () => {
    const fields = parsePixPayload(buildPixPayload(BASE));
    expect([...fields.keys()]).toEqual(['00', '01', '26', '52', '53', '54', '58', '59', '60', '62', '63']);
    expect(fields.get('00')).toBe('01');
    expect(fields.get('01')).toBe('12');
    expect(fields.get('52')).toBe('0000');
    expect(fields.get('53')).toBe('986');
    expect(fields.get('58')).toBe('BR');
    const mai = parsePixPayload(fields.get('26') ?? '');
    expect([...mai.entries()]).toEqual([
      ['00', 'br.gov.bcb.pix'],
      ['01', EVP_KEY],
      ['02', 'Pedido 123'],
    ]);
    expect([...parsePixPayload(fields.get('62') ?? '').entries()]).toEqual([['05', 'PEDIDO123']]);
  });

  it('ends with a CRC computed over everything up to and including "6304"', () => {
    const payload = buildPixPayload(BASE);
    expect(payload.slice(-8, -4)).toBe('6304');
    expect(payload.slice(-4)).toMatch(/^[0-9A-F]{4}$/);
    expect(crc16CcittFalse(payload.slice(0, -4))).toBe(payload.slice(-4));
  });

  it.each([
    [1, '0.01'],
    [5, '0.05'],
    [10, '0.10'],
    [99, '0.99'],
    [100, '1.00'],
    [101, '1.01'],
    [15000, '150.00'],
    [123456789, '1234567.89'],
    [999_999_999_999, '9999999999.99'], // the 13-character ceiling of field 54
  ])('formats %i cents as %j', (amountCents, expected) => {
    expect(fieldOf(build({ amountCents }), '54')).toBe(expected);
  });

  it.each([
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 1,
    1_000_000_000_000, // "10000000000.00" is 14 characters
  ])('rejects amountCents %d', (amountCents) => {
    expect(() => build({ amountCents })).toThrow(RangeError);
  });

  it.each([
    ['Padaria São João & Cia Ltda Filial Centro', 'Padaria Sao Joao & Cia Lt'],
    ['AÇAÍ DO ZÉ', 'ACAI DO ZE'],
    ['Café ☕ Bar 🍺', 'Cafe Bar'],
    ['  Loja\tdo\nBairro  ', 'Loja do Bairro'],
    ['Straße Größe', 'Strae Groe'], // no ASCII decomposition: the letters are dropped, not guessed
    ['Mercadinho do Bairro Bom Preco', 'Mercadinho do Bairro Bom'], // the cut lands on a space
  ])('folds merchant name %j to %j', (merchantName, expected) => {
    const name = fieldOf(build({ merchantName }), '59');
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(25);
    expect(name).toMatch(/^[\x20-\x7E]*$/);
  });

  it.each([
    ['São José dos Campos', 'Sao Jose dos Ca'],
    ['Brasília', 'Brasilia'],
    ['Ji-Paraná 🌳', 'Ji-Parana'],
  ])('folds merchant city %j to %j', (merchantCity, expected) => {
    const city = fieldOf(build({ merchantCity }), '60');
    expect(city).toBe(expected);
    expect(city.length).toBeLessThanOrEqual(15);
  });

  it.each([
    ['PEDIDO123', 'PEDIDO123'],
    ['cs_live-ab12', 'csliveab12'],
    ['Pedido Nº 42', 'PedidoN42'],
    ['ÀÉÎõü-99', 'AEIou99'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZ0123', 'ABCDEFGHIJKLMNOPQRSTUVWXY'],
    ['', '***'],
    ['---', '***'],
  ])('reduces txid %j to %j', (txid, expected) => {
    const additional = parsePixPayload(fieldOf(build({ txid }), '62'));
    expect(additional.get('05')).toBe(expected);
  });

  it('folds the description and omits it when absent or empty after folding', () => {
    expect(parsePixPayload(fieldOf(build({ description: 'Coração 💚 Açúcar' }), '26')).get('02')).toBe(
      'Coracao Acucar',
    );
    expect(parsePixPayload(fieldOf(build({ description: undefined }), '26')).has('02')).toBe(false);
    expect(parsePixPayload(fieldOf(build({ description: '💚💚' }), '26')).has('02')).toBe(false);
  });

  it('truncates the description so the account template stays within 99 characters', () => {
    const description = 'Pagamento do pedido 12345 na Loja Exemplo com entrega expressa';
    const mai = fieldOf(build({ description }), '26');
    expect(mai.length).toBe(99);
    // 99 - 18 (GUI) - 40 (36-character key) - 4 (description header) = 37 characters of text.
    expect(parsePixPayload(mai).get('02')).toBe(description.slice(0, 37).trimEnd());
  });

  it.each([
    [72, 'P'], // exactly one character of room
    [73, undefined], // room 0: dropped rather than sent empty
    [77, undefined], // the longest key that fits leaves no room at all
  ])('with a %i-character key keeps description %j', (keyLength, expected) => {
    const key = 'k'.repeat(keyLength);
    const mai = parsePixPayload(fieldOf(build({ key, description: 'Pedido' }), '26'));
    expect(mai.get('01')).toBe(key);
    expect(mai.get('02')).toBe(expected);
  });

  it.each([
    ['key', { key: 'k'.repeat(78) }],
    ['key', { key: '   ' }],
    ['key', { key: 'joão@example.com' }],
    ['merchantName', { merchantName: '🍕🍕' }],
    ['merchantName', { merchantName: '   ' }],
    ['merchantCity', { merchantCity: '中文' }],
  ] as const)('rejects an unusable %s', (_, overrides) => {
    expect(() => build(overrides)).toThrow(RangeError);
  });
});

describe('parsePixPayload', () => {
  it('reads top-level fields only, keeping templates as raw values', () => {
    const fields = parsePixPayload('000201260800041234');
    expect([...fields.entries()]).toEqual([
      ['00', '01'],
      ['26', '00041234'],
    ]);
  });

  it('returns an empty map for an empty payload', () => {
    expect(parsePixPayload('').size).toBe(0);
  });

  it.each([
    ['0003ab', 'value runs past the end'],
    ['000201000', 'truncated header'],
    ['0a02ab', 'non-digit ID'],
    ['00x2ab', 'non-digit length'],
    ['00020100020', 'second field truncated'],
    ['0002010002ab', 'duplicate ID'],
  ])('throws on %j (%s)', (payload) => {
    expect(() => parsePixPayload(payload)).toThrow();
  });
});

describe('independent check with pix-utils', () => {
  const cases: { input: PixPayloadInput; name: string; city: string; txid: string; info?: string }[] = [
    { input: BASE, name: 'Fulano de Tal', city: 'BRASILIA', txid: 'PEDIDO123', info: 'Pedido 123' },
    {
      input: {
        key: 'financeiro@padaria.com.br',
        merchantName: 'Padaria São João & Cia Ltda Filial Centro',
        merchantCity: 'São José dos Campos',
        amountCents: 1,
        txid: 'cs_live-ab12',
      },
      name: 'Padaria Sao Joao & Cia Lt',
      city: 'Sao Jose dos Ca',
      txid: 'csliveab12',
    },
    {
      input: {
        key: '+5511987654321',
        merchantName: 'AÇAÍ DO ZÉ 🍧',
        merchantCity: 'Belém',
        amountCents: 123456789,
        txid: '',
        description: 'Açaí 500ml 🍧 x2',
      },
      name: 'ACAI DO ZE',
      city: 'Belem',
      txid: '***',
      info: 'Acai 500ml x2',
    },
    {
      input: {
        key: '52998224725',
        merchantName: 'Loja',
        merchantCity: 'Rio de Janeiro',
        amountCents: 5,
        txid: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
        description: 'x'.repeat(70),
      },
      name: 'Loja',
      city: 'Rio de Janeiro',
      txid: 'ABCDEFGHIJKLMNOPQRSTUVWXY',
      // 99 - 18 (GUI) - 15 (11-digit CPF key) - 4 (description header).
      info: 'x'.repeat(62),
    },
  ];

  it.each(cases)('parses the payload for key $input.key', ({ input, name, city, txid, info }) => {
    const payload = buildPixPayload(input);
    const pix = parsePix(payload);
    if (hasError(pix)) throw new Error(`pix-utils rejected ${payload}: ${pix.message}`);
    if (!isStaticPix(pix)) throw new Error(`pix-utils did not see a static PIX in ${payload}`);
    expect(computeCRC(payload)).toBe(payload.slice(-4));
    expect(pix.pixKey).toBe(input.key);
    expect(pix.transactionAmount).toBe(input.amountCents / 100);
    expect(pix.merchantName).toBe(name);
    expect(pix.merchantCity).toBe(city);
    expect(pix.txid).toBe(txid);
    expect(pix.infoAdicional).toBe(info);
    expect(pix.merchantCategoryCode).toBe('0000');
    expect(pix.transactionCurrency).toBe('986');
    expect(pix.countryCode).toBe('BR');
  });

  it('reports a payload altered after its CRC was computed', () => {
    // Control for the test above: pix-utils does validate the CRC, so its "no error" means something.
    const tampered = buildPixPayload(BASE).replace('150.00', '150.01');
    const pix = parsePix(tampered);
    expect(hasError(pix) && pix.message).toBe('invalid crc');
  });
});

/** Cells of the module grid an SVG from `qrSvg` paints dark, indexed [row][column], quiet zone included. */
function svgToMatrix(svg: string): boolean[][] {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const d = /<path [^>]*d="([^"]*)"/.exec(svg)?.[1];
  if (!viewBox || viewBox[1] !== viewBox[2] || d === undefined) throw new Error('unexpected SVG shape');
  const size = Number(viewBox[1]);
  const matrix = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  // Every run is "M<x> <y>h<n>v1h-<n>z"; the sticky regex makes any other syntax fail loudly here
  // instead of silently rasterizing part of the code.
  const run = /M(\d+) (\d+)h(\d+)v1h-(\d+)z/y;
  while (run.lastIndex < d.length) {
    const start = run.lastIndex;
    const m = run.exec(d);
    if (!m || m[3] !== m[4]) throw new Error(`unparsed path data at ${start}: ${d.slice(start, start + 30)}`);
    const [x, y, width] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const row = matrix[y];
    if (!row || x + width > size) throw new Error(`run outside the viewBox at ${start}`);
    row.fill(true, x, x + width);
  }
  return matrix;
}

/** Paints the module grid as black-on-white RGBA pixels, `scale` pixels per module. */
function rasterize(matrix: boolean[][], scale: number): { data: Uint8ClampedArray; width: number } {
  const width = matrix.length * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      if (matrix[Math.floor(py / scale)]?.[Math.floor(px / scale)]) {
        const i = (py * width + px) * 4;
        data[i] = 0;
        data[i + 1] = 0;
        data[i + 2] = 0;
      }
    }
  }
  return { data, width };
}

describe('qrSvg', () => {
  const payloads = [
    buildPixPayload({ ...BASE, description: undefined }),
    buildPixPayload(BASE),
    buildPixPayload({
      key: 'financeiro@padaria-sao-joao.com.br',
      merchantName: 'Padaria São João & Cia Ltda Filial Centro',
      merchantCity: 'São José dos Campos',
      amountCents: 123456789,
      txid: 'cs_live_0123456789abcdefghij',
      description: 'Pagamento do pedido 12345 na Padaria Sao Joao',
    }),
  ];

  it.each(payloads)('decodes back to the payload with jsQR: %s', (payload) => {
    const { data, width } = rasterize(svgToMatrix(qrSvg(payload)), 4);
    const decoded = jsQR(data, width, width, { inversionAttempts: 'dontInvert' });
    expect(decoded?.data).toBe(payload);
  });

  it.each(payloads)('draws the library matrix in reading orientation, not transposed: %s', (payload) => {
    // jsQR quietly decodes a transposed code too, so orientation needs its own check: compare against
    // the encoder's [row][col] model, and look for the always-dark module at (row size-8, column 8).
    const model = new QRCode({ content: payload, ecl: 'M' }).qrcode;
    const count = model.getModuleCount();
    const matrix = svgToMatrix(qrSvg(payload));
    expect(matrix.length).toBe(count + 8);
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) {
        if (matrix[row + 4]?.[col + 4] !== model.isDark(row, col)) {
          throw new Error(`module (${row}, ${col}) differs from the encoder`);
        }
      }
    }
    expect(matrix[4 + count - 8]?.[4 + 8]).toBe(true);
    // The quiet zone is blank on all four sides.
    const blank = (cells: (boolean | undefined)[]) => cells.every((cell) => cell === false);
    for (let i = 0; i < 4; i++) {
      expect(blank(matrix[i] ?? [])).toBe(true);
      expect(blank(matrix[count + 4 + i] ?? [])).toBe(true);
      expect(blank(matrix.map((row) => row[i]))).toBe(true);
      expect(blank(matrix.map((row) => row[count + 4 + i]))).toBe(true);
    }
  });

  it('is a compact, scalable SVG document', () => {
    const payload = payloads[1] ?? '';
    const svg = qrSvg(payload);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/<svg[^>]* (width|height)=/);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg.endsWith('</svg>')).toBe(true);
    // qrcode-svg's own joined path is ~3.3x larger for this payload; keep the page light.
    expect(svg.length).toBeLessThan(12_000);
  });

  it('rejects empty text', () => {
    expect(() => qrSvg('')).toThrow();
  });
});
