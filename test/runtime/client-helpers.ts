import { call } from './helpers';

export const CUSTOMER = { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' };
export const VISA_OK = '4242424242424242';

export function card(number: string, overrides: Record<string, unknown> = {}) {
  return {
    number,
    holder_name: 'MARIA SILVA',
    exp_month: 12,
    exp_year: new Date().getFullYear() + 3,
    cvc: '123',
    ...overrides,
  };
}

export function clientPost(token: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return call(`/c/v1/sessions/${token}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://borda.test', ...headers },
    body: JSON.stringify(body),
  });
}

export function pay(token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return clientPost(token, '/payments', { customer: CUSTOMER, ...body }, headers);
}

export async function status(token: string) {
  const res = await call(`/c/v1/sessions/${token}/status`);
  return (await res.json()) as {
    status: string;
    redirect_url: string | null;
    payment: null | {
      id: string;
      status: string;
      failure_code: string | null;
      failure_message: string | null;
    };
  };
}
