import { type ApiError, ERROR_TITLES, type ErrorCode } from '../domain/errors';

export { ApiError, type ErrorCode, type FieldError, fieldError, refusalError } from '../domain/errors';

/** The one place that maps the closed set of error codes to HTTP statuses. */
const STATUS = {
  invalid_json: 400,
  invalid_request: 400,
  authentication_required: 401,
  invalid_api_key: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  order_has_open_session: 409,
  order_already_paid: 409,
  gateway_account_exists: 409,
  idempotency_request_in_progress: 409,
  invalid_state_transition: 409,
  concurrent_update: 409,
  session_paid: 409,
  session_expired: 409,
  session_canceled: 409,
  payment_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  method_not_available: 422,
  gateway_unavailable: 422,
  idempotency_key_reused: 422,
  no_gateway: 503,
  payment_not_refundable: 409,
  refund_window_closed: 409,
  invalid_refund_transition: 409,
  payment_not_held: 409,
  amount_insufficient: 409,
  refund_exceeds_refundable: 422,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

/** Every code with its status and title, as the problem documents and the reference page show them. */
export const ERRORS = Object.fromEntries(
  (Object.keys(STATUS) as ErrorCode[]).map((code) => [
    code,
    { status: STATUS[code], title: ERROR_TITLES[code] },
  ]),
) as { [C in ErrorCode]: { status: (typeof STATUS)[C]; title: string } };

export function statusOf(err: ApiError): number {
  return STATUS[err.code];
}
