import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  afterSuccess,
  BREAKER,
  breakerState,
  candidates,
  type RoutableAccount,
} from '../../src/gateways/routing';

const account = (name: string, gateway: string, extra: Partial<RoutableAccount> = {}): RoutableAccount => ({
  id: name,
  gateway,
  name,
  priority: 100,
  rules: {},
  enabled: true,
  consecutiveFailures: 0,
  openUntil: null,
  ...extra,
});
const payment = { method: 'card', currency: 'BRL', country: 'BRA', amount: 10000 };
const supportsAll = () => true;
const names = (list: RoutableAccount[]) => list.map((a) => a.name);

describe('candidates', () => {
  const pagarme = account('pagarme', 'pagarme', { priority: 20 });
  const asaas = account('asaas', 'asaas', { priority: 10 });
  const sandbox = account('sandbox', 'sandbox', { priority: 30 });

  it.each([
    [
      'first try enabled goes first, the rest by priority',
      [pagarme, asaas, sandbox],
      'pagarme',
      ['pagarme', 'asaas', 'sandbox'],
    ],
    ['first try not enabled by the merchant: rules only', [asaas, sandbox], 'pagarme', ['asaas', 'sandbox']],
    ['no first try: priority order', [pagarme, asaas, sandbox], null, ['asaas', 'pagarme', 'sandbox']],
    [
      'a disabled account is never a candidate',
      [{ ...asaas, enabled: false }, sandbox],
      'asaas',
      ['sandbox'],
    ],
  ])('%s', (_name, accounts, firstTry, expected) => {
    expect(names(candidates(accounts, payment, firstTry, supportsAll))).toEqual(expected);
  });

  it('skips a first try that does not support the method', () => {
    const noPix = (gateway: string, p: { method: string }) => !(gateway === 'pagarme' && p.method === 'pix');
    expect(names(candidates([pagarme, sandbox], { ...payment, method: 'pix' }, 'pagarme', noPix))).toEqual([
      'sandbox',
    ]);
  });

  it.each([
    ['currency', { currencies: ['MXN'] }, { currency: 'BRL' }, false],
    ['currency', { currencies: ['MXN', 'BRL'] }, { currency: 'BRL' }, true],
    ['method', { methods: ['pix'] }, { method: 'card' }, false],
    ['country', { countries: ['BRA'] }, { country: 'BRA' }, true],
    ['amount below the range', { min_amount: 20000 }, { amount: 10000 }, false],
    ['amount above the range', { max_amount: 9999 }, { amount: 10000 }, false],
    ['amount at both bounds', { min_amount: 10000, max_amount: 10000 }, { amount: 10000 }, true],
  ])('routes by %s rules (%#)', (_what, rules, overrides, taken) => {
    const ruled = account('ruled', 'asaas', { rules, priority: 1 });
    expect(names(candidates([ruled, sandbox], { ...payment, ...overrides }, null, supportsAll))).toEqual(
      taken ? ['ruled', 'sandbox'] : ['sandbox'],
    );
  });

  it('lets gateway_first_try through even when its own rules would not (seed 001: it is attempted first)', () => {
    const ruled = account('pagarme', 'pagarme', { rules: { currencies: ['USD'] } });
    expect(names(candidates([ruled, sandbox], payment, 'pagarme', supportsAll))).toEqual([
      'pagarme',
      'sandbox',
    ]);
  });
});

describe('circuit breaker', () => {
  it(`opens after ${BREAKER.threshold} consecutive failures, probes after ${BREAKER.openMs} ms, closes on success`, () => {
    let h = { consecutiveFailures: 0, openUntil: null as number | null };
    for (let i = 1; i < BREAKER.threshold; i++) {
      h = afterFailure(h, 1000);
      expect(breakerState(h, 1000)).toBe('closed');
    }
    h = afterFailure(h, 1000);
    expect(breakerState(h, 1000)).toBe('open');
    expect(breakerState(h, 1000 + BREAKER.openMs)).toBe('half_open');
    const failedProbe = afterFailure(h, 1000 + BREAKER.openMs);
    expect(breakerState(failedProbe, 1000 + BREAKER.openMs + 1)).toBe('open');
    expect(breakerState(afterSuccess(), 0)).toBe('closed');
  });
});
