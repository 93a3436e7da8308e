import { type FakeGateway, type Received, type Route, startFakeGateway } from './fake-gateway';
import { fixture } from './requests';

export const KEY = 'sk_test_51Borda0123456789';
export const CREDS = { secret_key: KEY, webhook_secret: 'whsec_test_secret' };

/** A documented Stripe answer from the fixtures, optionally edited for the case under test. */
export const answer = (name: string, patch: (b: Record<string, unknown>) => void = () => {}) => {
  const f = fixture('stripe', name);
  patch(f.body);
  return { status: f.status ?? 200, body: f.body };
};

/** Stripe's requests are form-encoded: decode what went over the wire. */
export const form = (r: Received | undefined) => new URLSearchParams(r?.body ?? '');

const open = new Set<FakeGateway>();

/** A fake Stripe whose create answers the documented unconfirmed PaymentIntent. */
export async function stripeFake(confirm: Route, extra: Record<string, Route> = {}) {
  return track(
    await startFakeGateway({
      'POST /v1/payment_intents': () => answer('payment_intent_created'),
      'POST /v1/payment_intents/:id/confirm': confirm,
      ...extra,
    }),
  );
}

export function track(g: FakeGateway): FakeGateway {
  open.add(g);
  return g;
}

export async function closeFakes() {
  await Promise.all([...open].map((g) => g.close()));
  open.clear();
}
