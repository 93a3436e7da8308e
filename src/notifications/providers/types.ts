import { isTimeout } from '../../lib/timeout';
/** One e-mail as every adapter receives it: both parts, one recipient, a key that makes a retry safe. */
export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  idempotencyKey: string;
};

export type OutgoingSms = { from: string; to: string; body: string; idempotencyKey: string };

/**
 * What a provider said. Adapters never throw: a network error or an unexpected answer is an outcome.
 * `retryable` false means trying again cannot help (a refused recipient, bad credentials).
 */
export type SendOutcome =
  | { ok: true; messageId: string }
  | { ok: false; retryable: boolean; error: string; retryAfterMs: number | null };

export type EmailSender = { name: string; send(email: OutgoingEmail): Promise<SendOutcome> };
export type SmsSender = { name: string; send(sms: OutgoingSms): Promise<SendOutcome> };

/** A slow provider is cut off, so one message cannot hold a queue batch. */
export const PROVIDER_TIMEOUT_MS = 15_000;

/** 429 and 5xx may succeed later; any other 4xx will not. */
export function httpFailure(status: number, body: string, retryAfter: string | null): SendOutcome {
  const retryable = status === 429 || status === 409 || status >= 500;
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : null;
  return {
    ok: false,
    retryable,
    error: `HTTP ${status}: ${body.slice(0, 200)}`,
    retryAfterMs: seconds === null ? null : Math.min(seconds, 86400) * 1000,
  };
}

export function networkFailure(err: unknown): SendOutcome {
  const timedOut = isTimeout(err);
  return {
    ok: false,
    retryable: true,
    error: timedOut
      ? `timeout after ${PROVIDER_TIMEOUT_MS} ms`
      : `network error: ${err instanceof Error ? err.message : 'unknown'}`.slice(0, 300),
    retryAfterMs: null,
  };
}
