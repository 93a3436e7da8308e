import { describe, expect, it } from 'vitest';
import { call, createSession, newMerchant } from './helpers';

describe('smoke', () => {
  it('answers health and creates a session', async () => {
    expect((await call('/healthz')).status).toBe(200);
    const m = await newMerchant();
    const s = await createSession(m.secret_keys.test);
    expect(s.status).toBe('open');
  });
});
