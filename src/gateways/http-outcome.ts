import type { GatewayAnswer } from './http';
import { ConnectorError, type ConnectorErrorKind } from './types';

/** An HTTP answer as a connector reads it: the status and the parsed JSON body (null when none). */
export type GatewayReply<T> = { status: number; body: T | null };

/**
 * A call that got no HTTP answer. `timeout`: the request may have reached the gateway; `network`: the
 * connection failed. The message names only the gateway and `METHOD /path`, never the request.
 */
export class GatewayUnanswered extends Error {
  constructor(
    readonly reason: 'timeout' | 'network',
    gateway: string,
    what: string,
  ) {
    super(`${gateway} ${what} ${reason === 'timeout' ? 'did not answer in time' : 'could not be reached'}`);
    this.name = 'GatewayUnanswered';
  }
}

/** Every HTTP answer as a reply; throws GatewayUnanswered when none came. */
export function replyOf<T>(answer: GatewayAnswer<T>, gateway: string, what: string): GatewayReply<T> {
  if (answer.kind === 'timeout' || answer.kind === 'network') {
    throw new GatewayUnanswered(answer.kind, gateway, what);
  }
  return { status: answer.status, body: answer.body as T | null };
}

/**
 * Every HTTP answer as a reply, for a call that may have moved money: no answer throws the
 * ConnectorError of `unansweredWrite`.
 */
export function writeReplyOf<T>(answer: GatewayAnswer<T>, gateway: string, what: string): GatewayReply<T> {
  try {
    return replyOf(answer, gateway, what);
  } catch (err) {
    throw err instanceof GatewayUnanswered ? unansweredWrite(err) : err;
  }
}

/**
 * No answer to a call after which no payment can exist (a token, a customer, a read): whatever the
 * reason, the next gateway may try.
 */
export function unanswered(err: GatewayUnanswered, reference: string | null = null): ConnectorError {
  const code = err.reason === 'timeout' ? 'gateway_timeout' : 'gateway_unavailable';
  return new ConnectorError('retryable', code, err.message, reference);
}

/** Rethrows `err`, a missing answer as the ConnectorError of `unanswered`. */
export function rethrowUnanswered(err: unknown, reference: string | null = null): never {
  throw err instanceof GatewayUnanswered ? unanswered(err, reference) : err;
}

/**
 * No answer to a call that may have moved money: a timeout is ambiguous (the request may have
 * arrived, the router asks before anyone else tries); a failed connection is retryable.
 */
export function unansweredWrite(err: GatewayUnanswered): ConnectorError {
  if (err.reason === 'timeout') return new ConnectorError('ambiguous', 'gateway_timeout', err.message);
  return new ConnectorError('retryable', 'gateway_unavailable', err.message);
}

/**
 * How a gateway's documented HTTP statuses read for the router. Always: 401/403 the credentials are
 * wrong or lack a permission (retryable, `gateway_auth`); 429 refused before processing (retryable);
 * any other 4xx the gateway refused the request's content, which another gateway may accept
 * (retryable, `gateway_rejected`). Per gateway:
 */
export type StatusRules = {
  /** The gateway's name in messages. */
  gateway: string;
  /** The code of a 429 (and of `busy` statuses). */
  rateLimitCode: 'gateway_rate_limited' | 'gateway_unavailable';
  /** Statuses the gateway documents as refused before processing (e.g. 503), retryable. */
  busy?: readonly number[];
  /** 409: a request with the same idempotency key is still in flight: ambiguous. */
  conflictAmbiguous: boolean;
  /** 5xx: the request may have been processed (ambiguous), or, on a call that cannot move money, retryable. */
  serverErrorAmbiguous: boolean;
};

/**
 * The ConnectorError an HTTP status that is not a success means under these rules. `detail` is what
 * the gateway's error body says that is safe to keep (codes, field names, digits scrubbed).
 */
export function statusError(
  status: number,
  what: string,
  detail: string,
  rules: StatusRules,
  reference: string | null = null,
): ConnectorError {
  const [kind, code] = classify(status, rules);
  const message = `${rules.gateway} ${what} answered HTTP ${status}${detail ? `: ${detail}` : ''}`;
  return new ConnectorError(kind, code, message, reference);
}

function classify(status: number, rules: StatusRules): [ConnectorErrorKind, string] {
  if (status === 401 || status === 403) return ['retryable', 'gateway_auth'];
  if (status === 429 || rules.busy?.includes(status)) return ['retryable', rules.rateLimitCode];
  if (status === 409 && rules.conflictAmbiguous) return ['ambiguous', 'gateway_error'];
  if (status >= 500) {
    return rules.serverErrorAmbiguous ? ['ambiguous', 'gateway_error'] : ['retryable', 'gateway_unavailable'];
  }
  return ['retryable', 'gateway_rejected'];
}

/** Gateway text may echo input: runs of digits (a card number, a CVC, a document) never reach an error. */
export function scrubDigits(text: string): string {
  return text.replace(/\d{3,}/g, '***').slice(0, 200);
}
