/**
 * The closed set of errors Borda's services can raise, with a title each. Services and the session
 * core throw `ApiError` with a code and know nothing of HTTP; `src/http/errors.ts` is the one place
 * that gives each code its status.
 */
export const ERROR_TITLES = {
  invalid_json: 'The request body is not valid JSON',
  invalid_request: 'The request is malformed',
  authentication_required: 'An API key is required',
  invalid_api_key: 'The API key is not valid',
  forbidden: 'This key may not do that',
  not_found: 'No such object',
  method_not_allowed: 'Method not allowed',
  order_has_open_session: 'This order already has an open checkout session',
  order_already_paid: 'This order is already paid',
  gateway_account_exists: 'A gateway account with this name already exists',
  idempotency_request_in_progress: 'A request with this Idempotency-Key is still running',
  invalid_state_transition: 'The session is not in a state that allows this',
  concurrent_update: 'The session was changed by another request',
  session_paid: 'This checkout session is already paid',
  session_expired: 'This checkout session has expired',
  session_canceled: 'This checkout session was canceled',
  payment_in_progress: 'Another payment attempt is being processed',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body must be application/json',
  validation_failed: 'The request has invalid fields',
  method_not_available: 'This payment method is not offered for this session',
  gateway_unavailable: 'This gateway has no connector yet and cannot be enabled',
  idempotency_key_reused: 'This Idempotency-Key was used with a different request',
  no_gateway: 'No gateway can take this payment',
  payment_not_refundable: 'This payment cannot be refunded',
  refund_window_closed: 'The refund window of this payment has closed',
  invalid_refund_transition: 'The refund is not in a state that allows this',
  payment_not_held: 'This payment is not held for a decision',
  amount_insufficient: 'Less than the charge arrived',
  refund_exceeds_refundable: 'The refund is more than what is left to refund',
  internal_error: 'Something went wrong on our side',
  service_unavailable: 'This part of Borda is briefly unavailable',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_TITLES;

export type FieldError = { field: string; code: string; message: string };

/** An error of the closed set; the transport decides what it looks like on the wire. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldError[];
  /** Extra members of the problem document (e.g. the existing token on an order conflict). */
  readonly extra?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    detail?: string,
    opts: { errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(detail ?? ERROR_TITLES[code]);
    this.name = 'ApiError';
    this.code = code;
    this.errors = opts.errors;
    this.extra = opts.extra;
  }
}

/** A single-field validation failure, the most common shape. */
export function fieldError(field: string, code: string, message: string): ApiError {
  return new ApiError('validation_failed', message, { errors: [{ field, code, message }] });
}

/** Turns a session command's refusal (see src/core/session/commands.ts) into the error it means. */
export function refusalError(r: {
  code: ErrorCode;
  detail: string;
  status?: string;
  field?: string;
  fieldCode?: string;
}): ApiError {
  if (r.field) {
    const errors = [{ field: r.field, code: r.fieldCode ?? r.code, message: r.detail }];
    return new ApiError(r.code === 'method_not_available' ? r.code : 'validation_failed', r.detail, {
      errors,
    });
  }
  return new ApiError(r.code, r.detail, r.status ? { extra: { session_status: r.status } } : {});
}
