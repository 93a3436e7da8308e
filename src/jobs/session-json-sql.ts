/**
 * serializeSession (src/api/sessions/serialize.ts) written as SQL over a `checkout_sessions` row
 * aliased `s`, with the status it is about to take: the set-based expiry builds each session's
 * `checkout_session.expired` payload inside D1, in the same statement that writes the event, so no
 * row travels to the Worker and back. The keys and their order follow serializeSession exactly;
 * test/runtime/expire-set.test.ts compares the two texts for sessions with and without every
 * optional field, so a field added to one and not the other fails there.
 */

/** isoUtc (lib/time.ts) in SQL: second precision, `+00:00`; `ms / 1000` truncates like the regex does. */
const iso = (column: string) => `strftime('%Y-%m-%dT%H:%M:%S+00:00', ${column} / 1000, 'unixepoch')`;

/** JSON columns hold JSON text; `json()` embeds it as JSON (NULL stays null). */
const json = (column: string) => `json(${column})`;

export function sessionJsonSql(status: 'expired'): string {
  const fields: Array<[string, string]> = [
    ['token', 's.id'],
    ['amount', 's.amount'],
    ['currency', 's.currency'],
    ['merchant_order_id', 's.merchant_order_id'],
    ['payment_method', json('s.payment_method')],
    ['gateway_first_try', 's.gateway_first_try'],
    ['metadata', json('s.metadata')],
    ['success_url', 's.success_url'],
    ['cancel_url', 's.cancel_url'],
    ['expires_at', iso('s.expires_at')],
    ['id', 's.id'],
    ['object', "'checkout_session'"],
    ['status', `'${status}'`],
    ['livemode', "json(CASE s.mode WHEN 'live' THEN 'true' ELSE 'false' END)"],
    ['checkout_url', 's.checkout_url'],
    ['created_at', iso('s.created_at')],
    ['country', 's.country'],
    ['description', 's.description'],
    ['locale', 's.locale'],
    ['customer', json('s.customer')],
    ['notification_url', 's.notification_url'],
    ['payment_failure_url', 's.payment_failure_url'],
    ['notify_customer', 's.notify_customer'],
    ['payment_settings', json('s.payment_settings')],
    ['required_customer_fields', "json(coalesce(s.required_customer_fields, '[]'))"],
  ];
  // D1 allows at most 32 arguments per SQL function: json_object takes the fields in parts of 12
  // pairs, whose texts are spliced into one object ('{a..}' + '{b..}' -> '{a..,b..}'), keys in order.
  const parts: string[] = [];
  for (let i = 0; i < fields.length; i += PAIRS_PER_CALL) {
    const pairs = fields.slice(i, i + PAIRS_PER_CALL).map(([k, v]) => `'${k}', ${v}`);
    parts.push(`json_object(${pairs.join(', ')})`);
  }
  return parts.reduce(
    (joined, part) => `(substr(${joined}, 1, length(${joined}) - 1) || ',' || substr(${part}, 2))`,
  );
}

const PAIRS_PER_CALL = 12;
