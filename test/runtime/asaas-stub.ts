/**
 * Asaas's servers, outside this machine, answered at the HTTP boundary with its documented shapes
 * (docs.asaas.com: create customer, create payment, get PIX QR code). Each POST /payments gets a
 * new payment id, so several payments can be told apart.
 */
export const ASAAS_QR =
  '00020101021226730014br.gov.bcb.pix2551pix-h.asaas.com/pixqrcode/cobv/pay_765756139679951452040000' +
  '53039865802BR5905ASAAS6009Joinville61088922827162070503***63045E7A';

export function stubAsaas() {
  const original = globalThis.fetch;
  const ids: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    if (!/(^|\.)asaas\.com$/.test(url.hostname)) return original(input, init);
    if (req.method === 'POST' && url.pathname === '/v3/customers')
      return Response.json({ object: 'customer', id: 'cus_000005219613' });
    if (req.method === 'POST' && url.pathname === '/v3/payments') {
      const body = (await req.json()) as { value: number; externalReference: string; billingType: string };
      const id = `pay_${String(80225913252 + ids.length)}`;
      ids.push(id);
      return Response.json({
        object: 'payment',
        id,
        customer: 'cus_000005219613',
        value: body.value,
        billingType: body.billingType,
        status: 'PENDING',
        dueDate: new Date().toISOString().slice(0, 10),
        externalReference: body.externalReference,
        deleted: false,
      });
    }
    if (req.method === 'GET' && /^\/v3\/payments\/[^/]+\/pixQrCode$/.test(url.pathname))
      return Response.json({
        encodedImage: 'iVBORw0KGgo',
        payload: ASAAS_QR,
        expirationDate: '2099-03-10 23:59:59',
      });
    return Response.json({ errors: [{ code: 'not_found', description: 'not found' }] }, { status: 404 });
  }) as typeof fetch;
  return { ids, restore: () => (globalThis.fetch = original) };
}

/** Asaas's webhook body for a payment event (docs.asaas.com/docs/payment-events). */
export function asaasEvent(eventId: string, event: string, paymentId: string, billingType = 'PIX') {
  return JSON.stringify({
    id: eventId,
    event,
    dateCreated: '2026-03-10 12:00:00',
    payment: {
      object: 'payment',
      id: paymentId,
      billingType,
      status: 'RECEIVED',
      value: 150,
      deleted: false,
    },
  });
}
