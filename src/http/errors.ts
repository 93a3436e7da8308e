/**
 * The closed set of error codes the API can answer with, and the one place that maps them to
 * HTTP statuses. Domain code throws ApiError with a code; only the HTTP layer knows statuses.
 */
export const ERRORS = {
  invalid_json: { status: 400, title: 'The request body is not valid JSON' },
  invalid_request: { status: 400, title: 'The request is malformed' },
  authentication_required: { status: 401, title: 'An API key is required' },
  invalid_api_key: { status: 401, title: 'The API key is not valid' },
  forbidden: { status: 403, title: 'This key may not do that' },
  not_found: { status: 404, title: 'No such object' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  order_has_open_session: { status: 409, title: 'This order already has an open checkout session' },
  order_already_paid: { status: 409, title: 'This order is already paid' },
  gateway_account_exists: { status: 409, title: 'A gateway account with this name already exists' },
  idempotency_request_in_progress: {
    status: 409,
    title: 'A request with this Idempotency-Key is still running',
  },
  invalid_state_transition: { status: 409, title: 'The session is not in a state that allows this' },
  concurrent_update: { status: 409, title: 'The session was changed by another request' },
  session_paid: { status: 409, title: 'This checkout session is already paid' },
  session_expired: { status: 409, title: 'This checkout session has expired' },
  session_canceled: { status: 409, title: 'This checkout session was canceled' },
  payment_in_progress: { status: 409, title: 'Another payment attempt is being processed' },
  payment_not_refundable: { status: 409, title: 'This payment cannot be refunded' },
  refund_window_closed: { status: 409, title: 'The refund window of this payment has closed' },
  invalid_refund_transition: { status: 409, title: 'The refund is not in a state that allows this' },
  payment_not_held: { status: 409, title: 'This payment is not held for a decision' },
  amount_insufficient: { status: 409, title: 'Less than the charge arrived' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'The request body must be application/json' },
  validation_failed: { status: 422, title: 'The request has invalid fields' },
  refund_exceeds_refundable: { status: 422, title: 'The refund is more than what is left to refund' },
  method_not_available: { status: 422, title: 'This payment method is not offered for this session' },
  gateway_unavailable: { status: 422, title: 'This gateway has no connector yet and cannot be enabled' },
  idempotency_key_reused: { status: 422, title: 'This Idempotency-Key was used with a different request' },
  no_gateway: { status: 503, title: 'No gateway can take this payment' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;

export type FieldError = { field: string; code: string; message: string };

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
    super(detail ?? ERRORS[code].title);
    this.name = 'ApiError';
    this.code = code;
    this.errors = opts.errors;
    this.extra = opts.extra;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

/** A single-field validation failure, the most common shape. */
export function fieldError(field: string, code: string, message: string): ApiError {
  return new ApiError('validation_failed', message, { errors: [{ field, code, message }] });
}

/** Turns a session command's refusal (see src/session/commands.ts) into the API error it means. */
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
