import type { BankAccount, PaymentDetails } from '../../db/schema';
import { boletoBarcode, linhaDigitavel, sandboxFreeField } from '../../domain/boleto';
import { buildClabe } from '../../domain/clabe';
import { type MethodSlug, methodInfo } from '../../domain/country-methods';
import { buildPixPayload, survivesPixFolding } from '../../domain/pix';
import { boletoPlan } from '../boleto-plan';
import type { CreatePaymentRequest } from '../types';

/** PIX codes the sandbox issues stay valid at most this long, and never past the session. */
const PIX_LIFETIME_MS = 30 * 60 * 1000;
/** The sandbox's own bank code: not a real bank (real codes are allocated by the Banco Central). */
const SANDBOX_BANK = '999';

/** Digits derived from a payment id, so references are stable for one payment and differ between payments. */
function digitsOf(id: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += (id.charCodeAt(i % id.length) * (i + 7)) % 10;
  return out;
}

/**
 * A test tax id of the beneficiary per country, with valid check digits, so a Chilean test session
 * shows a RUT and not a Brazilian CNPJ. None belongs to a real company that we know of; Mexico's is
 * the SAT's generic RFC.
 */
const TEST_TAX_IDS: Record<string, string> = {
  BRA: '11.222.333/0001-81',
  ARG: '30-71234567-1',
  CHL: '76.123.456-0',
  COL: '900.123.456-8',
  ECU: '1791234561001',
  MEX: 'XAXX010101000',
  PER: '20123456786',
};

/** The test account the sandbox shows when the merchant configured none (seed 003's fields). */
export function sandboxAccount(beneficiary: string, country = 'BRA'): BankAccount {
  return {
    bank_name: 'Banco Sandbox Borda',
    bank_code: SANDBOX_BANK,
    agency: '0001',
    // Modulo 11 over the agency with weights 5, 4, 3, 2 (Banco do Brasil's rule): 0001 -> 9.
    agency_digit: '9',
    account: '1234567',
    account_digit: '8',
    account_type: 'checking',
    beneficiary,
    document: TEST_TAX_IDS[country] ?? TEST_TAX_IDS.BRA ?? '',
  };
}

export type IssuedAsync = { details: PaymentDetails; holdUntil?: number };

/** What the sandbox issues for an asynchronous method: the data the customer pays with. */
export function issueAsync(req: CreatePaymentRequest): IssuedAsync {
  const method = req.method as MethodSlug;
  if (method === 'pix') {
    const txid = req.paymentId.replace(/[^A-Za-z0-9]/g, '').slice(0, 25);
    const payload = buildPixPayload({
      key: 'pix-sandbox@borda.dev',
      // Field 59/60 must be ASCII: a name like "Магазин" has nothing left once folded.
      merchantName: survivesPixFolding(req.merchant.name) ? req.merchant.name : 'LOJA',
      merchantCity:
        req.merchant.city && survivesPixFolding(req.merchant.city) ? req.merchant.city : 'SAO PAULO',
      amountCents: req.amount,
      txid,
    });
    return {
      details: { pix: { payload, txid, expires_at: Math.min(req.expiresAt, req.now + PIX_LIFETIME_MS) } },
    };
  }
  if (method === 'boleto') {
    const plan = boletoPlan(req);
    const freeField = sandboxFreeField(req.paymentId);
    const barcode = boletoBarcode({
      bankCode: SANDBOX_BANK,
      amountCents: req.amount,
      dueDate: plan.due,
      freeField,
    });
    return {
      details: {
        boleto: {
          barcode,
          line: linhaDigitavel(barcode),
          due_date: plan.due,
          void_date: plan.voidOn,
          fine_cents: plan.terms.fineCents,
          interest_per_day_cents: plan.terms.interestPerDayCents,
          interest_monthly_percent: plan.terms.interestMonthlyPercent,
          // The sandbox's campo livre: agency (4), portfolio (2), then the 11-digit nosso número.
          our_number: freeField.slice(6, 17),
        },
      },
      holdUntil: plan.holdUntil,
    };
  }
  if (method === 'bank_transfer') {
    const account = req.merchant.bankAccounts[0] ?? sandboxAccount(req.merchant.name, req.country);
    return { details: { bank_transfer: { ...account, reference: digitsOf(req.paymentId, 10) } } };
  }
  if (method === 'spei') {
    return {
      details: {
        spei: {
          // 646 is STP's code, the usual SPEI participant for collections; plaza 180 (Mexico City).
          clabe: req.merchant.speiClabe ?? buildClabe('646', '180', digitsOf(req.paymentId, 11)),
          bank_name: req.merchant.speiClabe ? 'SPEI' : 'STP (sandbox)',
          beneficiary: req.merchant.name,
          reference: digitsOf(req.paymentId, 7),
        },
      },
    };
  }
  const kind = methodInfo(method).kind === 'redirect' ? 'redirect' : 'voucher';
  return {
    details: { voucher: { reference: `BRD${digitsOf(req.paymentId, 12)}`, expires_at: req.expiresAt, kind } },
  };
}
