import { expect } from 'vitest';
import { api, call, type Merchant } from './helpers';

/** The document's placeholder CPF: all-equal digits pass the arithmetic but are never issued. */
export const DOC_CPF = '33333333333';
export const VALID_CPF = '52998224725';

/**
 * The document's three examples, copied; only the JSON typos are fixed (trailing commas, the
 * `"boleto_fine_type:"` key). merchant_id and legal_number are swapped in by the caller.
 */
export const EXAMPLES: Array<[string, Record<string, unknown>]> = [
  [
    '1: boleto or card in 5x, email',
    {
      merchant_id: '4398yfnru3f7813',
      order: {
        merchant_key: 'codigo-pedido',
        amount: 19990,
        description: 'Descrição da cobrança',
        sandbox: false,
        notify_customer: 'email',
        payments_settings: [{ payment_type: 'boleto' }, { payment_type: 'credit_card', max_installments: 5 }],
        customer: {
          customer_type: 0,
          name: 'João Silva',
          email: 'joao@silva.com',
          phone_number: '11999998877',
          legal_number: '33333333333',
        },
      },
    },
  ],
  [
    '2: boleto in 3 days with a 10% fine, no notification',
    {
      merchant_id: '4398yfnru3f7813',
      order: {
        merchant_key: 'codigo-pedido',
        amount: 50000,
        description: 'Descrição da cobrança',
        sandbox: false,
        notify_customer: 'none',
        payments_settings: [
          {
            payment_type: 'boleto',
            boleto_due_days: 3,
            boleto_charge_fine: true,
            boleto_fine_type: 'percentage',
            boleto_fine_amount: 10,
          },
        ],
        customer: {
          customer_type: 0,
          name: 'João Silva',
          email: 'joao@silva.com',
          phone_number: '11999998877',
          legal_number: '33333333333',
        },
      },
    },
  ],
  [
    '3: pix with 10% off or card up to 12x at 1.99%, sms',
    {
      merchant_id: '4398yfnru3f7813',
      order: {
        merchant_key: 'codigo-pedido',
        amount: 250000,
        description: 'Descrição da cobrança',
        sandbox: false,
        notify_customer: 'sms',
        payments_settings: [
          { payment_type: 'pix', discount: 10 },
          { payment_type: 'credit_card', max_installments: 5, max_installments_interest: 12, interest: 1.99 },
        ],
        customer: {
          customer_type: 0,
          name: 'João Silva',
          email: 'joao@silva.com',
          phone_number: '11999998877',
          legal_number: '33333333333',
        },
      },
    },
  ],
];

export type Body = {
  merchant_id: string;
  order: Record<string, unknown> & { customer?: Record<string, unknown> };
};
export function asMerchant(body: Record<string, unknown>, merchant: Merchant, cpf = VALID_CPF): Body {
  const b = structuredClone(body) as Body;
  b.merchant_id = merchant.merchant_id;
  if (b.order.customer) b.order.customer.legal_number = cpf;
  return b;
}

let seq = 0;
export function sandboxOrderFor(merchantId: string, patch: Record<string, unknown> = {}): Body {
  seq += 1;
  return {
    merchant_id: merchantId,
    order: {
      merchant_key: `pedido-${Date.now()}-${seq}`,
      amount: 10000,
      description: 'Pedido de teste',
      sandbox: true,
      notify_url: 'https://hooks.southshop.com/notify',
      customer: {
        customer_type: 0,
        name: 'João Silva',
        email: 'joao@silva.com',
        legal_number: VALID_CPF,
        billing_street: 'Rua Antônio Ferreira',
        billing_number: '1250',
        billing_additional: 'Apt 1001',
        billing_district: 'Jardim Paulista',
        billing_city: 'São Paulo',
        billing_state: 'SP',
        billing_zipcode: '53407780',
        phone_number: '1199999999',
      },
      ...patch,
    },
  };
}

export const orders = (key: string, body: unknown) => api('/checkout/orders', key, { body });

/** The session an order's checkout_url leads to now (it redirects to the session's signed page). */
export async function sessionBehind(order: { checkout_url: string }): Promise<string> {
  const res = await call(order.checkout_url.replace('https://borda.test', ''), { redirect: 'manual' });
  expect(res.status).toBe(302);
  const match = /^\/checkout\/(cs_(?:test|live)_[0-9A-Za-z]+)\?signature=[0-9a-f]{32}$/.exec(
    res.headers.get('location') ?? '',
  );
  if (!match?.[1]) throw new Error(`no session behind ${order.checkout_url}: ${res.headers.get('location')}`);
  return match[1];
}
export const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
