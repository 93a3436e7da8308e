export const QR =
  '00020101021226840014br.gov.bcb.pix2562pix-h.stone.com.br/pix/v2/e6157b05-4987-4635-af58-968f165f386d52040000' +
  '530398654043.505802BR5914EAD PLATAFORMA6014RIO DE JANEIRO62290525086dc8785e1f4ccaafed11fbd63049D7C';

/** Pagar.me's servers, outside this machine, answered at the HTTP boundary with its documented order shape. */
export function stubPagarme(orderId: string) {
  const original = globalThis.fetch;
  const calls: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    if (!req.url.startsWith('https://api.pagar.me/')) return original(input, init);
    calls.push(`${req.method} ${new URL(req.url).pathname}`);
    const body = (await req.json()) as { code: string; amount?: number; items: Array<{ amount: number }> };
    const amount = body.items[0]?.amount ?? 0;
    return Response.json({
      id: orderId,
      code: body.code,
      amount,
      currency: 'BRL',
      closed: true,
      status: 'pending',
      customer: { id: 'cus_x', name: 'Maria Silva', type: 'individual' },
      charges: [
        {
          id: 'ch_K2rJ5nlHwTE4qRDP',
          code: body.code,
          amount,
          status: 'pending',
          currency: 'BRL',
          payment_method: 'pix',
          last_transaction: {
            id: 'tran_bZ0N3DjjUzTW68eq',
            transaction_type: 'pix',
            amount,
            status: 'waiting_payment',
            success: true,
            qr_code: QR,
            qr_code_url:
              'https://api.pagar.me/core/v5/transactions/tran_bZ0N3DjjUzTW68eq/qrcode?payment_method=pix',
            expires_at: new Date(Date.now() + 600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          },
        },
      ],
    });
  }) as typeof fetch;
  return { calls, restore: () => (globalThis.fetch = original) };
}
export const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

export function orderPaidHook(orderId: string, hookId: string) {
  return JSON.stringify({
    id: hookId,
    account: { id: 'acc_jZkdN857et650oNv', name: 'Lojinha' },
    type: 'order.paid',
    created_at: '2026-06-29T20:23:47',
    data: {
      id: orderId,
      code: 'x',
      amount: 15000,
      currency: 'BRL',
      closed: true,
      status: 'paid',
      charges: [],
    },
  });
}
