/**
 * Seconds to wait BEFORE each retry: ≈5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h. One initial
 * attempt plus these nine retries makes ten attempts spread over about three and a half days, long enough
 * to ride out a merchant's weekend outage.
 */
export const DEFAULT_RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400];

/** Cloudflare Queues accept at most 12 h of delay per message; longer waits are chained over hops. */
export const MAX_QUEUE_DELAY_SECONDS = 43200;

const JITTER = 0.2;
const MIN_DELAY_MS = 1000;
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Parses `WEBHOOK_RETRY_SCHEDULE`: comma-separated positive integer seconds such as `"1,2,4"`. Empty or
 * missing means the default schedule.
 *
 * @throws Error naming the first invalid entry: a misconfigured schedule must fail loudly, not silently
 *   fall back to a schedule the operator did not ask for.
 */
export function parseSchedule(text: string | undefined): number[] {
  if (text === undefined || text.trim() === '') return [...DEFAULT_RETRY_SCHEDULE_SECONDS];
  return text.split(',').map((raw) => {
    const entry = raw.trim();
    const seconds = Number(entry);
    // The digit check rejects what Number() would quietly accept: '', '1e3', '0x10', '1.5'.
    if (!/^\d+$/.test(entry) || !Number.isSafeInteger(seconds) || seconds <= 0) {
      throw new Error(
        `Invalid WEBHOOK_RETRY_SCHEDULE entry ${JSON.stringify(raw)} in ${JSON.stringify(text)}: ` +
          'expected comma-separated positive whole seconds, e.g. "5,300,1800"',
      );
    }
    return seconds;
  });
}

/**
 * Milliseconds to wait before the next attempt once `attemptsMade` attempts have failed (1 → schedule[0]),
 * with ±20 % jitter so endpoints that failed together do not retry together; never below 1 s. `random`
 * is injected (normally `Math.random`) so tests are deterministic.
 *
 * @returns null when the schedule is exhausted: the delivery has failed for good.
 * @throws RangeError when `attemptsMade` is not a whole number ≥ 1 (no attempt has nothing to retry).
 */
export function retryDelayMs(schedule: number[], attemptsMade: number, random: () => number): number | null {
  if (!Number.isSafeInteger(attemptsMade) || attemptsMade < 1) {
    throw new RangeError(`attemptsMade must be a whole number >= 1, got ${attemptsMade}`);
  }
  const seconds = schedule[attemptsMade - 1];
  if (seconds === undefined) return null;
  // Clamped so a misbehaving random source cannot push the jitter past its ±20 % band.
  const r = Math.min(Math.max(random(), 0), 1);
  const factor = 1 - JITTER + 2 * JITTER * r;
  return Math.max(MIN_DELAY_MS, Math.round(seconds * 1000 * factor));
}

const DAYS = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAYS = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
/**
 * The three HTTP-date forms RFC 9110 §5.6.7 obliges recipients to accept. Matched case-insensitively:
 * the grammar is case-sensitive, but a sloppy `mon, 01 jan` names an instant just as clearly.
 */
const IMF_FIXDATE = new RegExp(`^${DAYS}, (\\d{2}) ([a-z]{3}) (\\d{4}) ${TIME} GMT$`, 'i');
const RFC_850 = new RegExp(`^${LONG_DAYS}, (\\d{2})-([a-z]{3})-(\\d{2}) ${TIME} GMT$`, 'i');
const ASCTIME = new RegExp(`^${DAYS} ([a-z]{3}) ( \\d|\\d{2}) ${TIME} (\\d{4})$`, 'i');

/** Epoch ms of a calendar date and `hh:mm:ss` in UTC, or null when no such instant exists. */
function utc(year: number, month: string, day: string, time: readonly string[]): number | null {
  const monthIndex = MONTHS.findIndex((name) => name.toLowerCase() === month.toLowerCase());
  const d = Number(day);
  const [h, m, s] = time.map(Number);
  if (monthIndex < 0 || h === undefined || m === undefined || s === undefined) return null;
  // 60 seconds is a leap second, which RFC 9110 permits.
  if (h > 23 || m > 59 || s > 60) return null;
  const midnight = Date.UTC(year, monthIndex, d);
  // Date.UTC rolls 31 Feb over into March rather than failing; such a header is garbage.
  if (new Date(midnight).getUTCDate() !== d) return null;
  return midnight + ((h * 60 + m) * 60 + s) * 1000;
}

/**
 * Parses an HTTP-date strictly. `Date.parse` is deliberately not used: V8 accepts almost anything
 * (`'1.5'` is 5 January 2001), which would turn a malformed header into an immediate retry.
 */
function parseHttpDate(text: string, now: number): number | null {
  const imf = IMF_FIXDATE.exec(text);
  if (imf) {
    const [, day = '', month = '', year = '', ...time] = imf;
    return utc(Number(year), month, day, time);
  }
  const asc = ASCTIME.exec(text);
  if (asc) {
    const [, month = '', day = '', h = '', m = '', s = '', year = ''] = asc;
    return utc(Number(year), month, day.trim(), [h, m, s]);
  }
  const rfc850 = RFC_850.exec(text);
  if (rfc850) {
    const [, day = '', month = '', yy = '', ...time] = rfc850;
    // RFC 9110: a two-digit year more than 50 years in the future means the previous century.
    const thisYear = new Date(now).getUTCFullYear();
    let year = thisYear - (thisYear % 100) + Number(yy);
    if (year > thisYear + 50) year -= 100;
    return utc(year, month, day, time);
  }
  return null;
}

/**
 * Retry-After (delta-seconds or HTTP-date) as milliseconds from `now`: ≥ 0, capped at 24 h so a hostile or
 * broken endpoint cannot park a delivery indefinitely; null when absent or malformed.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const at = parseHttpDate(text, now);
  if (at === null) return null;
  return Math.min(Math.max(at - now, 0), MAX_RETRY_AFTER_MS);
}

/**
 * Seconds to delay the next queue hop toward `dueAt` (epoch ms): ceil((dueAt − now) / 1000) clamped to
 * [0, 43200]. A wait longer than 12 h is chained: the consumer receives the message early, sees the
 * delivery is not yet due, and re-enqueues it with the remainder.
 *
 * @throws RangeError when either instant is NaN: delaying by NaN would reach the Queue as an error anyway.
 */
/**
 * The instant a batch's queue retries count from: the consumer's `now` moved on by the time the batch
 * really took. A queue delay runs from the retry() call, after the batch's slowest call (up to its
 * timeout); measured from the batch's start, every retry would come that much late.
 */
export function retryClock(now: number, startedAt: number): number {
  return now + (Date.now() - startedAt);
}

export function queueHopSeconds(dueAt: number, now: number): number {
  if (Number.isNaN(dueAt) || Number.isNaN(now)) throw new RangeError('queueHopSeconds needs real instants');
  return Math.min(Math.max(Math.ceil((dueAt - now) / 1000), 0), MAX_QUEUE_DELAY_SECONDS);
}

/**
 * What one attempt's outcome means. `retryAfterMs` is the wait the endpoint asked for (429/503 with a
 * Retry-After), or null to follow the schedule.
 */
export type AttemptVerdict =
  | { kind: 'delivered' }
  | { kind: 'retry'; retryAfterMs: number | null }
  | { kind: 'gone' };

/**
 * Classifies one attempt. Only 2xx counts as delivered; 3xx is retried because redirects are not followed
 * (following one would POST a signed payload to a URL the merchant never configured). 410 Gone disables the
 * endpoint. 429 and 503 honour Retry-After; everything else, including a network error or timeout
 * (`status` null), retries on the schedule.
 */
export function classifyResponse(
  status: number | null,
  retryAfter: string | null,
  now: number,
): AttemptVerdict {
  if (status === null) return { kind: 'retry', retryAfterMs: null };
  if (status >= 200 && status <= 299) return { kind: 'delivered' };
  if (status === 410) return { kind: 'gone' };
  if (status === 429 || status === 503)
    return { kind: 'retry', retryAfterMs: parseRetryAfter(retryAfter, now) };
  return { kind: 'retry', retryAfterMs: null };
}
