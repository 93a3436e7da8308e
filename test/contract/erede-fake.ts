import { afterAll, beforeAll, beforeEach } from 'vitest';
import { context, fixture } from './connector-fixtures';
import { type Answer, type FakeGateway, type Received, startFakeGateway } from './fake-gateway';

/** e.Rede's documented examples (fixtures/erede), shared by the e.Rede contract test files. */
export const token = fixture<{ response: { access_token: string; expires_in: number } }>('erede', 'token');
export const approved = fixture<{ response: Record<string, unknown> }>('erede', 'card-approved');
export const declines = fixture<{
  codes: { returnCode: string; returnMessage: string; expect: string }[];
  integration_error: Record<string, string>;
  duplicate_reference: Record<string, string>;
}>('erede', 'declines');
export const queryApproved = fixture<{ response: { authorization: Record<string, unknown> } }>(
  'erede',
  'query-approved',
);
export const pixCreated = fixture<{ response: { qrCodeResponse: { qrCodeData: string } } }>(
  'erede',
  'pix-created',
);
export const queryPix = fixture<{ response: { qrCodeResponse: Record<string, unknown> } }>(
  'erede',
  'query-pix',
);
export const refunds = fixture<Record<string, Record<string, unknown>>>('erede', 'refunds');

/**
 * A fake e.Rede on loopback for one test file: documented happy answers by default, `next[route]`
 * overrides the next answers of a route, and each test gets fresh credentials so the per-isolate
 * token cache of one test never serves another.
 */
export function useERedeFake() {
  const state = {
    next: {} as Record<string, (r: Received) => Answer>,
    fake: undefined as unknown as FakeGateway,
    creds: { client_id: '', client_secret: '' },
  };
  let seq = 0;
  beforeAll(async () => {
    const route = (key: string, fallback: (r: Received) => Answer) => (r: Received) =>
      (state.next[key] ?? fallback)(r);
    state.fake = await startFakeGateway({
      'POST /oauth2/token': route('token', () => ({ status: 200, body: token.response })),
      'POST /v2/transactions': route('create', () => ({ status: 201, body: approved.response })),
      'GET /v2/transactions': route('byReference', () => ({ status: 200, body: queryApproved.response })),
      'GET /v2/transactions/:tid': route('get', () => ({ status: 200, body: queryApproved.response })),
      'POST /v2/transactions/:tid/refunds': route('refund', () => ({ status: 200, body: refunds.done })),
      'GET /v2/transactions/:tid/refunds': route('refunds', () => ({ status: 200, body: refunds.list })),
    });
  });
  afterAll(() => state.fake.close());
  beforeEach(() => {
    state.next = {};
    state.fake.received.length = 0;
    seq += 1;
    state.creds = { client_id: `5034${seq}`, client_secret: `integration-key-${seq}` };
  });
  return {
    state,
    ctx: (over = {}) => context(state.fake.base, state.creds, over),
  };
}
