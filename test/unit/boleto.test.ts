import { formatBoleto, getBoletoInfo, isValidBoleto } from '@brazilian-utils/brazilian-utils';
import * as boletoUtils from '@mrmgomes/boleto-utils';
import { describe, expect, it } from 'vitest';
import {
  type BoletoInput,
  boletoBarcode,
  dueDateFactor,
  formatLinhaDigitavel,
  linhaDigitavel,
  parseLinhaDigitavel,
  sandboxFreeField,
} from '../../src/domain/boleto';

/**
 * What @mrmgomes/boleto-utils 1.3.3's validarBoleto really returns. Its bundled .d.ts types `vencimento` as
 * a string and names the new-cycle date `vencimentoApos22022025`, but the code returns Dates under
 * `vencimento` (old 1997-10-07 cycle) and `vencimentoComNovoFator2025` (2025-02-22 cycle), both at
 * 20:54:59 UTC, and leaves them (and valor) out when validation fails.
 */
type MrmgomesResult = {
  sucesso: boolean;
  mensagem: string;
  codigoBarras?: string;
  linhaDigitavel?: string;
  valor?: number;
  vencimento?: Date;
  vencimentoComNovoFator2025?: Date;
};

/**
 * Calls into @mrmgomes/boleto-utils with its exports lent to globalThis. The package calls its own exports
 * as `this.identificarTipoCodigo(...)` from top-level arrow functions, relying on Node binding a CommonJS
 * module's top-level `this` to module.exports; workerd binds it to globalThis instead, so without this every
 * call throws "this.identificarTipoCodigo is not a function". Only names globalThis lacks are lent, and they
 * are removed again right after the call.
 */
function withBoletoUtils<T>(call: () => T): T {
  const global = globalThis as unknown as Record<string, unknown>;
  const exported = boletoUtils as unknown as Record<string, unknown>;
  const lent = Object.keys(exported).filter((name) => name !== 'default' && !(name in global));
  for (const name of lent) global[name] = exported[name];
  try {
    return call();
  } finally {
    for (const name of lent) delete global[name];
  }
}

function mrmgomes(code: string): MrmgomesResult {
  return withBoletoUtils(() => boletoUtils.validarBoleto(code)) as unknown as MrmgomesResult;
}

// The time of day @mrmgomes/boleto-utils puts on every due date it computes.
function mrmgomesDate(day: string): Date {
  return new Date(`${day}T20:54:59.000Z`);
}

// brazilian-utils builds due dates with local-time constructors; reading local fields back is zone-proof.
function localDay(date: Date | null | undefined): string | undefined {
  if (!date) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// Test-local módulo 11 sum (weights 2..9 from the right over the 43 digits besides position 5), written
// independently of the implementation so the special-case test can prove its inputs really are special.
function generalDvRemainder(barcode: string): number {
  const digits = barcode.slice(0, 4) + barcode.slice(5);
  let sum = 0;
  [...digits].reverse().forEach((digit, i) => {
    sum += Number(digit) * (2 + (i % 8));
  });
  return sum % 11;
}

// Replaces the digit at `index` with a different one, to corrupt a check digit or a covered digit.
function corrupt(code: string, index: number): string {
  const digit = Number(code[index]);
  return `${code.slice(0, index)}${(digit + 1) % 10}${code.slice(index + 1)}`;
}

// Generates inside each test (not at collection time) so a broken generator fails tests, not the file.
function slip(input: BoletoInput): { barcode: string; line: string } {
  const barcode = boletoBarcode(input);
  return { barcode, line: linhaDigitavel(barcode) };
}

/**
 * Published lines. Only the first two are real slips; the restart fixtures are brazilian-utils' own test
 * data (the 2018 Banco do Brasil slip with only the factor and its check digits changed).
 */
const PUBLISHED = [
  {
    source: "@mrmgomes/boleto-utils test/test.js ('Boleto Bancário'), Caixa, R$ 214,03",
    line: '10492006506100010004200997263900989810000021403',
    barcode: '10499898100000214032006561000100040099726390',
    printed: '10492.00650 61000.100042 00997.263900 9 89810000021403',
    amountCents: 21403,
    factor: '8981',
    dueDate: '2022-05-10',
  },
  {
    source: '@brazilian-utils/brazilian-utils README/JSDoc (isValidBoleto, getBoletoInfo), BB, R$ 1.026,56',
    line: '00190000090114971860168524522114675860000102656',
    barcode: '00196758600001026560000001149718606852452211',
    printed: '00190.00009 01149.718601 68524.522114 6 75860000102656',
    amountCents: 102656,
    factor: '7586',
    dueDate: '2018-07-15',
  },
  {
    source: 'brazilian-utils src/get-boleto-info/get-boleto-info.test.ts withFactor["1000"] (new cycle)',
    line: '00190000090114971860168524522114210000000102656',
    barcode: '00192100000001026560000001149718606852452211',
    printed: '00190.00009 01149.718601 68524.522114 2 10000000102656',
    amountCents: 102656,
    factor: '1000',
    dueDate: '2025-02-22',
  },
  {
    source: 'brazilian-utils get-boleto-info.test.ts withFactor["1001"] (new cycle)',
    line: '00190000090114971860168524522114810010000102656',
    barcode: '00198100100001026560000001149718606852452211',
    printed: '00190.00009 01149.718601 68524.522114 8 10010000102656',
    amountCents: 102656,
    factor: '1001',
    dueDate: '2025-02-23',
  },
  {
    source: 'brazilian-utils get-boleto-info.test.ts withFactor["9999"] (last day of the old cycle)',
    line: '00190000090114971860168524522114799990000102656',
    barcode: '00197999900001026560000001149718606852452211',
    printed: '00190.00009 01149.718601 68524.522114 7 99990000102656',
    amountCents: 102656,
    factor: '9999',
    dueDate: '2025-02-21',
  },
] as const;

describe('published vectors', () => {
  describe.each(PUBLISHED)('$source', (vector) => {
    it('parses the line into the published barcode, amount and factor', () => {
      expect(parseLinhaDigitavel(vector.line)).toEqual({
        barcode: vector.barcode,
        amountCents: vector.amountCents,
        dueFactor: vector.factor,
      });
    });

    it('rebuilds the exact barcode and line from bank, amount, due date and free field', () => {
      const barcode = boletoBarcode({
        bankCode: vector.barcode.slice(0, 3),
        amountCents: vector.amountCents,
        dueDate: vector.dueDate,
        freeField: vector.barcode.slice(19),
      });
      expect(barcode).toBe(vector.barcode);
      expect(linhaDigitavel(barcode)).toBe(vector.line);
    });

    it('formats the line in the printed form', () => {
      expect(formatLinhaDigitavel(vector.line)).toBe(vector.printed);
      expect(parseLinhaDigitavel(vector.printed).barcode).toBe(vector.barcode);
    });

    it('agrees with both libraries on the conversion', () => {
      expect(withBoletoUtils(() => boletoUtils.linhaDigitavel2CodBarras(vector.line))).toBe(vector.barcode);
      expect(withBoletoUtils(() => boletoUtils.codBarras2LinhaDigitavel(vector.barcode, true))).toBe(
        vector.printed,
      );
      expect(isValidBoleto(vector.line)).toBe(true);
      expect(formatBoleto(vector.line)).toBe(vector.printed);
    });
  });

  it("formats brazilian-utils' formatBoleto example the same way (its check digits are not valid)", () => {
    const line = '10491443385511900000200000000141325230000093423';
    expect(formatLinhaDigitavel(line)).toBe('10491.44338 55119.000002 00000.000141 3 25230000093423');
    // The documentation example only illustrates the mask: its general check digit should be 1, not 3.
    expect(isValidBoleto(line)).toBe(false);
    expect(() => parseLinhaDigitavel(line)).toThrow('barcode general check digit is 3, expected 1');
  });
});

describe('dueDateFactor', () => {
  it.each([
    ['2025-02-22', '1000'], // Febraban's restart: the new cycle's first day
    ['2025-02-23', '1001'],
    ['2025-02-21', '9999'], // last day of the first cycle
    ['2000-07-03', '1000'], // first cycle: 1000 days after 1997-10-07
    ['2018-07-15', '7586'], // the BB vector above
    ['2022-05-10', '8981'], // the Caixa vector above
    ['2026-01-01', '1313'], // 7 days to 2025-03-01 + 306 days to 2026-01-01
    ['2026-02-22', '1365'], // one (non-leap) year into the new cycle
    ['2049-10-13', '9999'], // last day of the current cycle
  ])('%s -> %s', (date, factor) => {
    expect(dueDateFactor(date)).toBe(factor);
  });

  it.each([
    ['2000-07-02', 'factor 999 in the first cycle'],
    ['1997-10-07', 'the base date itself (factor 0)'],
    ['2049-10-14', 'factor 10000 in the current cycle'],
    ['2026-02-30', 'a date that does not exist'],
    ['2025-13-01', 'month 13'],
    ['2025-2-22', 'no zero padding'],
    ['2025-02-22T00:00:00Z', 'a timestamp'],
    ['', 'an empty string'],
  ])('rejects %s (%s) with a RangeError', (date) => {
    expect(() => dueDateFactor(date)).toThrow(RangeError);
  });
});

const BASE_INPUT: BoletoInput = {
  bankCode: '001',
  amountCents: 12345,
  dueDate: '2026-03-15',
  freeField: '0001090000000000400000010',
};

describe('boletoBarcode', () => {
  it('lays out bank, currency, check digit, factor, amount and free field', () => {
    const barcode = boletoBarcode(BASE_INPUT);
    expect(barcode).toHaveLength(44);
    expect(barcode.slice(0, 3)).toBe('001');
    expect(barcode[3]).toBe('9');
    expect(barcode.slice(5, 9)).toBe('1386'); // 2026-03-15 is 386 days after 2025-02-22
    expect(barcode.slice(9, 19)).toBe('0000012345');
    expect(barcode.slice(19)).toBe(BASE_INPUT.freeField);
  });

  it.each([
    [0, '0000000000'],
    [1, '0000000001'],
    [150_00, '0000015000'],
    [9_999_999_999, '9999999999'],
  ])('writes %d cents as %s', (amountCents, field) => {
    expect(boletoBarcode({ ...BASE_INPUT, amountCents }).slice(9, 19)).toBe(field);
  });

  it.each([10_000_000_000, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects amountCents %d',
    (amountCents) => {
      expect(() => boletoBarcode({ ...BASE_INPUT, amountCents })).toThrow(RangeError);
    },
  );

  it.each([
    [{ bankCode: '01' }, /bank code must be 3 digits/],
    [{ bankCode: 'abc' }, /bank code must be 3 digits/],
    [{ bankCode: '800' }, /arrecadação/],
    [{ freeField: '1'.repeat(24) }, /free field must be 25 digits/],
    [{ freeField: `${'1'.repeat(24)}x` }, /free field must be 25 digits/],
    [{ dueDate: '2026-02-30' }, /not a calendar date/],
  ])('rejects %j', (override, message) => {
    expect(() => boletoBarcode({ ...BASE_INPUT, ...override })).toThrow(message);
  });

  describe('general check digit', () => {
    // Free fields picked so the módulo 11 remainder hits each edge: 11 - 0 = 11 and 11 - 1 = 10 are not
    // digits and become 1 by rule; 11 - 10 = 1 is a 1 on its own.
    it.each([
      ['remainder 0 (11 -> 1)', '0001090000000001300000010', 0],
      ['remainder 1 (10 -> 1)', '0001090000000000500000010', 1],
      ['remainder 10 (plain 1)', '0001090000000000400000010', 10],
    ])('%s', (_name, freeField, remainder) => {
      const barcode = boletoBarcode({ ...BASE_INPUT, freeField });
      expect(generalDvRemainder(barcode)).toBe(remainder);
      expect(barcode[4]).toBe('1');
      expect(isValidBoleto(linhaDigitavel(barcode))).toBe(true);
    });

    it('matches 11 - remainder in the ordinary case', () => {
      const barcode = boletoBarcode({ ...BASE_INPUT, freeField: '0001090000000000000000010' });
      const remainder = generalDvRemainder(barcode);
      expect(remainder).toBeGreaterThan(1);
      expect(remainder).toBeLessThan(10);
      expect(barcode[4]).toBe(String(11 - remainder));
    });
  });
});

describe('linhaDigitavel and parseLinhaDigitavel', () => {
  it('moves the barcode fields into the five line fields', () => {
    const { barcode, line } = slip(BASE_INPUT);
    expect(line).toHaveLength(47);
    expect(line.slice(0, 4)).toBe(barcode.slice(0, 4));
    expect(line.slice(4, 9)).toBe(barcode.slice(19, 24));
    expect(line.slice(10, 20)).toBe(barcode.slice(24, 34));
    expect(line.slice(21, 31)).toBe(barcode.slice(34, 44));
    expect(line[32]).toBe(barcode[4]);
    expect(line.slice(33)).toBe(barcode.slice(5, 19));
  });

  it('round-trips barcode -> line -> barcode for many inputs', () => {
    const dates = ['2000-07-03', '2018-07-15', '2025-02-21', '2025-02-22', '2026-03-15', '2049-10-13'];
    for (const [i, dueDate] of dates.entries()) {
      for (const amountCents of [0, 1, 99, 123_456, 9_999_999_999]) {
        const input = {
          bankCode: '237',
          amountCents,
          dueDate,
          freeField: sandboxFreeField(`ref-${i}-${amountCents}`),
        };
        const generated = boletoBarcode(input);
        const parsed = parseLinhaDigitavel(linhaDigitavel(generated));
        expect(parsed).toEqual({ barcode: generated, amountCents, dueFactor: dueDateFactor(dueDate) });
      }
    }
  });

  it.each([
    [9, 'field 1 check digit'],
    [20, 'field 2 check digit'],
    [31, 'field 3 check digit'],
    [32, 'barcode general check digit'],
    [4, 'field 1 check digit'], // a free-field digit inside field 1
    [40, 'barcode general check digit'], // an amount digit, covered only by the general digit
  ])('rejects a line with digit %d changed (%s)', (index, message) => {
    const { line } = slip(BASE_INPUT);
    expect(() => parseLinhaDigitavel(corrupt(line, index))).toThrow(message);
  });

  it('rejects lines of the wrong shape', () => {
    const { line } = slip(BASE_INPUT);
    expect(() => parseLinhaDigitavel(line.slice(1))).toThrow(/47 digits/);
    expect(() => parseLinhaDigitavel(`${line.slice(0, -1)}x`)).toThrow(/47 digits/);
  });

  it('accepts the printed form', () => {
    const { barcode, line } = slip(BASE_INPUT);
    expect(parseLinhaDigitavel(formatLinhaDigitavel(line)).barcode).toBe(barcode);
  });

  it('refuses to turn a barcode with a wrong check digit into a line', () => {
    const { barcode } = slip(BASE_INPUT);
    expect(() => linhaDigitavel(corrupt(barcode, 4))).toThrow('barcode general check digit');
    expect(() => linhaDigitavel(corrupt(barcode, 30))).toThrow('barcode general check digit');
    expect(() => linhaDigitavel(barcode.slice(1))).toThrow(/44 digits/);
  });

  it('formatLinhaDigitavel rejects anything but 47 digits', () => {
    const { line } = slip(BASE_INPUT);
    expect(() => formatLinhaDigitavel(line.slice(1))).toThrow(/47 digits/);
  });
});

describe('sandboxFreeField', () => {
  it('is a deterministic 25-digit sandbox agency/portfolio/nosso número/account layout', () => {
    const field = sandboxFreeField('cs_test_123');
    expect(field).toMatch(/^000109\d{11}00000010$/);
    expect(sandboxFreeField('cs_test_123')).toBe(field);
    expect(sandboxFreeField('ord_123')).toBe('0001093096859790900000010');
  });

  it('gives different references different nosso números', () => {
    const refs = ['', 'a', 'b', 'ab', 'ba', 'cs_test_1', 'cs_test_2', 'ção', 'çao'];
    expect(new Set(refs.map(sandboxFreeField)).size).toBe(refs.length);
  });
});

/**
 * Everything Borda generates is re-checked by the two libraries. Neither is authoritative on its own:
 * - @mrmgomes/boleto-utils checks a LINE's three módulo 10 digits but never its general módulo 11 digit,
 *   and checks a BARCODE's general digit with the arrecadação flavour of módulo 11 (remainders 0 and 1
 *   give 0, where cobrança gives 1), so it rejects valid barcodes whose remainder is 0 or 1.
 * - brazilian-utils' isValidBoleto checks everything on a 47-digit line but takes no 44-digit cobrança
 *   barcode at all (a 44-digit code must start with 8, i.e. be arrecadação).
 * - Due dates: mrmgomes reports both cycles side by side (it cannot tell them apart); brazilian-utils
 *   picks a cycle from a reference date, so we pass the due date itself, like a reader near issue time.
 */
describe('independent validation of generated boletos', () => {
  const GENERATED: BoletoInput[] = [
    { bankCode: '001', amountCents: 12345, dueDate: '2026-03-15', freeField: sandboxFreeField('cs_1') },
    { bankCode: '341', amountCents: 1, dueDate: '2025-02-22', freeField: sandboxFreeField('cs_2') },
    { bankCode: '237', amountCents: 150_00, dueDate: '2025-02-23', freeField: sandboxFreeField('cs_3') },
    {
      bankCode: '104',
      amountCents: 9_999_999_999,
      dueDate: '2026-01-01',
      freeField: sandboxFreeField('cs_4'),
    },
    { bankCode: '033', amountCents: 987_654, dueDate: '2049-10-13', freeField: sandboxFreeField('cs_5') },
    // The first cycle, for completeness: a date before the restart.
    { bankCode: '001', amountCents: 4_200, dueDate: '2024-12-24', freeField: sandboxFreeField('cs_6') },
    { bankCode: '001', amountCents: 4_200, dueDate: '2025-02-21', freeField: sandboxFreeField('cs_7') },
  ];
  const NEW_CYCLE_START = '2025-02-22';

  describe.each(GENERATED)('$bankCode $amountCents $dueDate', (input) => {
    const newCycle = input.dueDate >= NEW_CYCLE_START;
    // mrmgomes' date for the same factor in the other cycle, 9000 days away.
    const otherCycleDay = addDays(input.dueDate, newCycle ? -9000 : 9000);

    it('@mrmgomes/boleto-utils accepts the line with the same amount, barcode and due date', () => {
      const { barcode, line } = slip(input);
      const result = mrmgomes(line);
      expect(result.sucesso).toBe(true);
      expect(result.codigoBarras).toBe(barcode);
      expect(result.valor).toBe(input.amountCents / 100);
      expect(newCycle ? result.vencimentoComNovoFator2025 : result.vencimento).toEqual(
        mrmgomesDate(input.dueDate),
      );
      expect(newCycle ? result.vencimento : result.vencimentoComNovoFator2025).toEqual(
        mrmgomesDate(otherCycleDay),
      );
    });

    it('@mrmgomes/boleto-utils derives the same line and accepts the barcode unless remainder is 0 or 1', () => {
      const { barcode, line } = slip(input);
      // Two of these seven (341 on 2025-02-22, 001 on 2025-02-21) land on remainder 0 or 1, as about 2 in
      // 11 of all slips do; the library wants 0 there where the cobrança rule gives 1 (see below).
      expect(mrmgomes(barcode).sucesso).toBe(generalDvRemainder(barcode) > 1);
      expect(withBoletoUtils(() => boletoUtils.codBarras2LinhaDigitavel(barcode, false))).toBe(line);
      expect(withBoletoUtils(() => boletoUtils.identificarValor(barcode, 'CODIGO_DE_BARRAS'))).toBe(
        input.amountCents / 100,
      );
    });

    it('@brazilian-utils/brazilian-utils accepts the line and reads the same bank, amount and due date', () => {
      const { line } = slip(input);
      expect(isValidBoleto(line)).toBe(true);
      expect(isValidBoleto(formatLinhaDigitavel(line))).toBe(true);
      const info = getBoletoInfo(line, { referenceDate: new Date(`${input.dueDate}T12:00:00Z`) });
      expect(info?.bankCode).toBe(input.bankCode);
      expect(info?.amount).toBe(input.amountCents);
      expect(localDay(info?.expirationDate)).toBe(input.dueDate);
    });

    it('@brazilian-utils/brazilian-utils does not take 44-digit cobrança barcodes', () => {
      const { barcode } = slip(input);
      expect(isValidBoleto(barcode)).toBe(false);
    });
  });

  it('includes slips on both sides of the mrmgomes módulo 11 discrepancy', () => {
    const special = GENERATED.filter((input) => generalDvRemainder(slip(input).barcode) <= 1);
    expect(special.map((input) => `${input.bankCode} ${input.dueDate}`)).toEqual([
      '341 2025-02-22',
      '001 2025-02-21',
    ]);
  });

  it('mrmgomes reads a new-cycle factor 1000 as 2000-07-03 under `vencimento` (old cycle only)', () => {
    const line = linhaDigitavel(boletoBarcode({ ...BASE_INPUT, dueDate: '2025-02-22' }));
    const result = mrmgomes(line);
    expect(result.vencimento).toEqual(mrmgomesDate('2000-07-03'));
    expect(result.vencimentoComNovoFator2025).toEqual(mrmgomesDate('2025-02-22'));
  });

  it('brazilian-utils resolves the same factor to either cycle depending on referenceDate', () => {
    const line = linhaDigitavel(boletoBarcode({ ...BASE_INPUT, dueDate: '2025-02-22' }));
    expect(
      localDay(getBoletoInfo(line, { referenceDate: new Date('2025-01-01T12:00:00Z') })?.expirationDate),
    ).toBe('2025-02-22');
    expect(
      localDay(getBoletoInfo(line, { referenceDate: new Date('2000-06-01T12:00:00Z') })?.expirationDate),
    ).toBe('2000-07-03');
  });

  describe.each([
    ['remainder 0', '0001090000000001300000010'],
    ['remainder 1', '0001090000000000500000010'],
  ])('special-case general check digit (%s)', (_name, freeField) => {
    it('brazilian-utils accepts it (its cobrança módulo 11 maps remainders 0 and 1 to 1)', () => {
      const { barcode, line } = slip({ ...BASE_INPUT, freeField });
      expect(barcode[4]).toBe('1');
      expect(isValidBoleto(line)).toBe(true);
      expect(getBoletoInfo(line, { referenceDate: new Date('2026-03-15T12:00:00Z') })?.amount).toBe(12345);
    });

    it('mrmgomes rejects the barcode, wanting 0 (arrecadação rule), but accepts the line unchecked', () => {
      const { barcode, line } = slip({ ...BASE_INPUT, freeField });
      const fromBarcode = mrmgomes(barcode);
      expect(fromBarcode.sucesso).toBe(false);
      expect(withBoletoUtils(() => boletoUtils.calculaDVCodBarras(barcode, 4, 11))).toBe(0);
      // The line passes only because mrmgomes never recomputes a line's general check digit.
      expect(mrmgomes(line).sucesso).toBe(true);
    });
  });

  it('mrmgomes accepts a line whose general check digit is wrong, so it cannot be the only check', () => {
    const line = linhaDigitavel(boletoBarcode(BASE_INPUT));
    const wrong = corrupt(line, 32);
    expect(mrmgomes(wrong).sucesso).toBe(true);
    expect(isValidBoleto(wrong)).toBe(false);
    expect(() => parseLinhaDigitavel(wrong)).toThrow('barcode general check digit');
  });
});
