import { createHmac } from 'node:crypto';
import { buildPixPayload } from '../../src/domain/pix';
import { type FakeGateway, type Received, startFakeGateway } from '../contract/fake-gateway';

type Json = Record<string, unknown>;

/**
 * Mercado Pago on loopback, as its Payments API documents it: Bearer access token, X-Idempotency-Key on
 * creates (a repeat answers the first payment), payments by id, and notifications signed with the
 * application's secret key over `id:{data.id};request-id:{x-request-id};ts:{ts};`.
 */
export async function startFakeMercadoPago(token: string, secret: string) {
  const payments = new Map<string, Json>();
  const byKey = new Map<string, Json>();
  let nextId = 9_100_000_000;
  /** Creates to answer with HTTP 500 without writing anything (an outage before processing). */
  const outage = { creates: 0 };
  const authorized = (r: Received) => r.headers.authorization === `Bearer ${token}`;
  const fake: FakeGateway = await startFakeGateway({
    'POST /v1/payments': (r) => {
      if (!authorized(r)) return { status: 401, body: { message: 'invalid access token', status: 401 } };
      if (outage.creates > 0) {
        outage.creates -= 1;
        return { status: 500, body: { message: 'internal_error', status: 500 } };
      }
      const key = String(r.headers['x-idempotency-key'] ?? '');
      if (!key) return { status: 400, body: { message: 'X-Idempotency-Key is required', status: 400 } };
      const seen = byKey.get(key);
      if (seen) return { status: 201, body: seen };
      const req = r.json as Json;
      nextId += 1;
      const id = nextId;
      const method = String(req.payment_method_id);
      const p: Json = {
        id,
        status: 'pending',
        status_detail: method === 'pix' ? 'pending_waiting_transfer' : 'pending_waiting_payment',
        currency_id: method === 'pix' ? 'BRL' : 'MXN',
        transaction_amount: req.transaction_amount,
        payment_method_id: method,
        payment_type_id: method === 'pix' ? 'bank_transfer' : 'ticket',
        external_reference: req.external_reference,
        date_of_expiration: req.date_of_expiration,
      };
      if (method === 'pix') {
        const cents = Math.round(Number(req.transaction_amount) * 100);
        const qr = buildPixPayload({
          key: 'pix@mercadopago.example',
          merchantName: 'MERCADO PAGO',
          merchantCity: 'SAO PAULO',
          amountCents: cents,
          txid: String(id),
        });
        p.point_of_interaction = {
          type: 'PIX',
          transaction_data: {
            qr_code: qr,
            ticket_url: `https://www.mercadopago.com.br/payments/${id}/ticket`,
          },
        };
      } else {
        p.transaction_details = {
          external_resource_url: `https://www.mercadopago.com.mx/payments/${id}/ticket`,
          payment_method_reference_id: `9871${id}`,
        };
      }
      payments.set(String(id), p);
      byKey.set(key, p);
      return { status: 201, body: p };
    },
    'GET /v1/payments/search': (r) => {
      if (!authorized(r)) return { status: 401, body: { message: 'invalid access token', status: 401 } };
      const ref = r.query.get('external_reference');
      return {
        status: 200,
        body: { results: [...payments.values()].filter((p) => p.external_reference === ref) },
      };
    },
    'GET /v1/payments/:id': (r) => {
      if (!authorized(r)) return { status: 401, body: { message: 'invalid access token', status: 401 } };
      const p = payments.get(r.path.split('/').pop() ?? '');
      return p
        ? { status: 200, body: p }
        : { status: 404, body: { message: 'Payment not found', status: 404 } };
    },
  });
  return {
    ...fake,
    outage,
    /** The Mercado Pago id of the payment Borda created for its payment id. */
    idFor(externalReference: string): string {
      const p = [...payments.values()].find((x) => x.external_reference === externalReference);
      if (!p) throw new Error(`no payment for ${externalReference}`);
      return String(p.id);
    },
    /** The customer paid: the payment is approved, as Mercado Pago would report it. */
    approve(id: string) {
      const p = payments.get(id);
      if (!p) throw new Error(`no payment ${id}`);
      Object.assign(p, { status: 'approved', status_detail: 'accredited' });
    },
    /** A notification exactly as Mercado Pago sends it: query, body and signed headers. */
    notification(id: string, requestId: string) {
      const ts = String(Date.now());
      const v1 = createHmac('sha256', secret)
        .update(`id:${id};request-id:${requestId};ts:${ts};`)
        .digest('hex');
      return {
        query: `data.id=${id}&type=payment`,
        headers: {
          'content-type': 'application/json',
          'x-request-id': requestId,
          'x-signature': `ts=${ts},v1=${v1}`,
        },
        body: JSON.stringify({
          id: Number(ts),
          live_mode: false,
          type: 'payment',
          action: 'payment.updated',
          api_version: 'v1',
          data: { id },
        }),
      };
    },
  };
}

/**
 * EBANX's Direct API on loopback: the integration key in every body, `merchant_payment_code` unique,
 * /ws/query by hash, and a notification that names a payment hash and nothing else.
 */
export async function startFakeEbanx(integrationKey: string) {
  const payments = new Map<string, Json>();
  let n = 0;
  const refused = {
    status: 200,
    body: { status: 'ERROR', status_code: 'BP-SA-2', status_message: 'Invalid integration key' },
  };
  const fake = await startFakeGateway({
    'POST /ws/direct': (r) => {
      const req = r.json as { integration_key?: string; payment?: Json };
      if (req.integration_key !== integrationKey) return refused;
      const payment = req.payment ?? {};
      const code = String(payment.merchant_payment_code);
      if ([...payments.values()].some((p) => p.merchant_payment_code === code)) {
        return {
          status: 200,
          body: {
            status: 'ERROR',
            status_code: 'BP-DR-0',
            status_message: `Payment already exists with merchant_payment_code: ${code}`,
          },
        };
      }
      n += 1;
      const hash = `${String(n).padStart(8, '0')}${'e'.repeat(40)}`;
      const p: Json = {
        hash,
        pin: String(670000000 + n),
        merchant_payment_code: code,
        status: 'PE',
        payment_type_code: payment.payment_type_code,
        currency_code: payment.currency_code,
        amount_total: payment.amount_total,
      };
      payments.set(hash, p);
      const redirect =
        payment.payment_type_code === 'eft' ? `${fake.base}/ws/simulator/confirm?hash=${hash}` : null;
      return { status: 200, body: { redirect_url: redirect, payment: p, status: 'SUCCESS' } };
    },
    'POST /ws/query': (r) => {
      const req = r.json as Json;
      if (req.integration_key !== integrationKey) return refused;
      const p = payments.get(String(req.hash));
      return p
        ? { status: 200, body: { payment: p, status: 'SUCCESS' } }
        : {
            status: 200,
            body: { status: 'ERROR', status_code: 'BP-QRY-4', status_message: 'Payment not found' },
          };
    },
  });
  return {
    ...fake,
    /** The EBANX hash of the payment Borda created for its payment id. */
    hashFor(merchantPaymentCode: string): string {
      const p = [...payments.values()].find((x) => x.merchant_payment_code === merchantPaymentCode);
      if (!p) throw new Error(`no payment for ${merchantPaymentCode}`);
      return String(p.hash);
    },
    /** The bank confirmed the transfer: EBANX marks the payment confirmed. */
    confirm(hash: string) {
      const p = payments.get(hash);
      if (!p) throw new Error(`no payment ${hash}`);
      p.status = 'CO';
    },
    notification(hash: string) {
      return {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `notification_type=update&operation=payment_status_change&hash_codes=${hash}`,
      };
    },
  };
}
