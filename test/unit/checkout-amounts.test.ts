import { describe, expect, it } from 'vitest';
import { adjustmentLabel, planNote, splitText } from '../../src/checkout/amounts';
import { contrastWithWhite } from '../../src/domain/colour';
import { customerDocument, documentNeeded } from '../../src/domain/customer-document';
import { quoteMethod } from '../../src/domain/offer';

const NB = '\u00a0';
const session = (paymentSettings: unknown[]) => ({
  country: 'BRA',
  currency: 'BRL',
  paymentMethod: null,
  paymentSettings,
  amount: 250000,
});

describe('what the page writes beside an amount', () => {
  it.each([
    [[83334, 83333, 83333], `1x R$${NB}833,34 + 2x R$${NB}833,33`],
    [[50000, 50000, 50000, 50000, 50000], `5x R$${NB}500,00`],
    [[23625, 23625], `2x R$${NB}236,25`],
    [[3, 3, 2, 2], `2x R$${NB}0,03 + 2x R$${NB}0,02`],
  ])('splits %j as %s', (amounts, text) => {
    expect(splitText('pt-BR', 'BRL', amounts)).toBe(text);
  });

  it("writes seed 004's example 3 plans as they are charged: interest-free, and 12x at 1.99 % with its total", () => {
    const card = quoteMethod(
      session([{ payment_type: 'card', max_installments: 5, max_installments_interest: 12, interest: 1.99 }]),
      'card',
    );
    const three = card.installments.find((p) => p.count === 3);
    const twelve = card.installments.find((p) => p.count === 12);
    expect(three && splitText('pt-BR', 'BRL', three.installmentAmounts)).toBe(
      `1x R$${NB}833,34 + 2x R$${NB}833,33`,
    );
    expect(three && planNote('pt-BR', 'BRL', three)).toBe(`sem juros · total R$${NB}2.500,00`);
    expect(twelve && planNote('pt-BR', 'BRL', twelve)).toBe(`juros de 1,99% a.m. · total R$${NB}2.835,00`);
    expect(twelve && planNote('en', 'BRL', twelve)).toBe('1.99% a month · total R$2,835.00');
  });

  it('labels a discount and an addition with the percentage the merchant set, and nothing else', () => {
    const s = session([
      { payment_type: 'pix', discount: 10 },
      { payment_type: 'boleto', addition: 2.5 },
    ]);
    const label = (method: 'pix' | 'boleto' | 'card', locale: 'pt-BR' | 'es' | 'en') =>
      adjustmentLabel(
        locale,
        'BRL',
        quoteMethod(s, method),
        (s.paymentSettings as Array<{ payment_type: string }>).find(
          (x) => x.payment_type === method,
        ) as never,
      );
    expect(label('pix', 'pt-BR')).toBe('10% de desconto');
    expect(label('pix', 'en')).toBe('10% off');
    expect(label('boleto', 'es')).toBe('recargo de 2,5%');
    expect(label('card', 'pt-BR')).toBeNull();
  });

  it('writes a percentage as the amounts beside it are written: a Mexican page in Spanish says 3.5, as in MX$1,034.99', () => {
    const mx = {
      ...session([{ payment_type: 'oxxo', addition: 3.5 }]),
      country: 'MEX',
      currency: 'MXN',
      amount: 100000,
    };
    const oxxo = quoteMethod(mx, 'oxxo');
    expect(adjustmentLabel('es', 'MXN', oxxo, { payment_type: 'oxxo', addition: 3.5 } as never)).toBe(
      'recargo de 3.5%',
    );
    expect(adjustmentLabel('es', 'CLP', oxxo, { payment_type: 'oxxo', addition: 3.5 } as never)).toBe(
      'recargo de 3,5%',
    );
    const card = quoteMethod(
      {
        ...mx,
        paymentSettings: [
          { payment_type: 'card', max_installments: 1, max_installments_interest: 12, interest: 1.99 },
        ],
      },
      'card',
    );
    const twelve = card.installments.find((p) => p.count === 12);
    expect(twelve && planNote('es', 'MXN', twelve)).toMatch(/^interés de 1\.99% mensual · total MX\$/);
  });
});

describe('contrast of white text on a brand colour (WCAG 2.x)', () => {
  it.each([
    ['#000000', 21],
    ['#ffffff', 1],
    ['#0a5c36', 8.1],
    ['#767676', 4.54],
  ])('%s gives %d:1', (hex, ratio) => {
    expect(contrastWithWhite(hex)).toBeCloseTo(ratio, 1);
  });
});

describe('which document a customer is asked for', () => {
  it.each([
    ['BRA', 'BRL', 'card', 'cpf_cnpj'],
    ['BRA', 'BRL', 'pix', 'cpf_cnpj'],
    ['BRA', 'USD', 'card', null],
    ['CHL', 'CLP', 'bank_transfer', 'rut'],
    ['CHL', 'CLP', 'card', null],
    ['COL', 'COP', 'pse', 'cc_nit'],
    ['MEX', 'MXN', 'oxxo', null],
    ['ARG', 'ARS', 'bank_transfer', 'dni'],
  ])('%s in %s paying by %s: %s', (country, currency, method, kind) => {
    const doc = customerDocument(country, currency);
    expect(documentNeeded(doc, method) ? doc?.kind : null).toBe(kind);
  });
});
