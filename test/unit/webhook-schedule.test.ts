import { describe, expect, it } from 'vitest';
import {
  type AttemptVerdict,
  classifyResponse,
  DEFAULT_RETRY_SCHEDULE_SECONDS,
  MAX_QUEUE_DELAY_SECONDS,
  parseRetryAfter,
  parseSchedule,
  queueHopSeconds,
  retryDelayMs,
} from '../../src/webhooks/schedule';

const NOW = Date.parse('2026-06-23T14:30:00Z');
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const mid = () => 0.5;

describe('DEFAULT_RETRY_SCHEDULE_SECONDS', () => {
  it('is 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h: nine retries, ten attempts', () => {
    expect(DEFAULT_RETRY_SCHEDULE_SECONDS).toEqual([
      5,
      5 * 60,
      30 * 60,
      2 * 3600,
      5 * 3600,
      10 * 3600,
      14 * 3600,
      20 * 3600,
      24 * 3600,
    ]);
  });

  it('spans about three and a half days in total', () => {
    const total = DEFAULT_RETRY_SCHEDULE_SECONDS.reduce((a, b) => a + b, 0);
    expect(total).toBe(272_105);
  });
});

describe('parseSchedule', () => {
  it.each([
    [undefined, DEFAULT_RETRY_SCHEDULE_SECONDS],
    ['', DEFAULT_RETRY_SCHEDULE_SECONDS],
    ['   ', DEFAULT_RETRY_SCHEDULE_SECONDS],
    ['1,2,4', [1, 2, 4]],
    [' 1 , 2 ,4 ', [1, 2, 4]],
    ['60', [60]],
    ['007', [7]],
    ['86400,86400', [86400, 86400]],
  ])('%j -> %j', (text, expected) => {
    expect(parseSchedule(text)).toEqual(expected);
  });

  it('returns a copy, so a caller mutating it cannot change the default', () => {
    const s = parseSchedule(undefined);
    s[0] = 999;
    expect(DEFAULT_RETRY_SCHEDULE_SECONDS[0]).toBe(5);
    expect(parseSchedule(undefined)[0]).toBe(5);
  });

  it.each([
    ['1,0,4', '"0"'],
    ['1,-2', '"-2"'],
    ['1.5', '"1.5"'],
    ['1,,2', '""'],
    ['1,2,', '""'],
    ['5s', '"5s"'],
    ['1e3', '"1e3"'],
    ['0x10', '"0x10"'],
    ['abc', '"abc"'],
    ['1;2', '"1;2"'],
    ['99999999999999999999', '"99999999999999999999"'],
  ])('throws on %j naming the entry %s', (text, entry) => {
    expect(() => parseSchedule(text)).toThrow(`Invalid WEBHOOK_RETRY_SCHEDULE entry ${entry}`);
  });
});

describe('retryDelayMs', () => {
  it.each([
    [1, 5_000],
    [2, 300_000],
    [3, 1_800_000],
    [9, 86_400_000],
  ])('after %i attempts, without jitter, waits %i ms', (attempts, ms) => {
    expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE_SECONDS, attempts, mid)).toBe(ms);
  });

  it.each([10, 11, 100])('after %i attempts the default schedule is exhausted', (attempts) => {
    expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE_SECONDS, attempts, mid)).toBeNull();
  });

  it('follows a custom schedule and is exhausted after it', () => {
    const s = [1, 2, 4];
    expect([1, 2, 3, 4].map((n) => retryDelayMs(s, n, mid))).toEqual([1000, 2000, 4000, null]);
  });

  it('an empty schedule means no retries at all', () => {
    expect(retryDelayMs([], 1, mid)).toBeNull();
  });

  it.each([
    [0, 300, 240_000],
    [0.999999, 300, 360_000],
    [0.25, 300, 270_000],
    [0.75, 300, 330_000],
    [0, 86400, 69_120_000],
    [0.999999, 86400, 103_679_965],
  ])('random %f on %i s gives %i ms (±20 %%)', (r, seconds, expected) => {
    expect(retryDelayMs([seconds], 1, () => r)).toBe(expected);
  });

  it('stays inside ±20 % for any random value', () => {
    for (let i = 0; i <= 100; i++) {
      const ms = retryDelayMs([1800], 1, () => i / 101) ?? Number.NaN;
      expect(ms).toBeGreaterThanOrEqual(1_440_000);
      expect(ms).toBeLessThan(2_160_000);
    }
  });

  it('returns whole milliseconds', () => {
    expect(Number.isInteger(retryDelayMs([7], 1, () => 0.123456789))).toBe(true);
  });

  it.each([
    [1, 0, 1000],
    [1, 0.999999, 1200],
    [2, 0, 1600],
  ])('a %i s entry with random %f -> %i ms, never below 1 s', (seconds, r, expected) => {
    expect(retryDelayMs([seconds], 1, () => r)).toBe(expected);
  });

  it.each([-5, 7])('clamps a misbehaving random() of %f into the jitter band', (r) => {
    const ms = retryDelayMs([100], 1, () => r) ?? Number.NaN;
    expect(ms).toBeGreaterThanOrEqual(80_000);
    expect(ms).toBeLessThanOrEqual(120_000);
  });

  it.each([0, -1, 1.5, Number.NaN])('throws on attemptsMade %f', (n) => {
    expect(() => retryDelayMs(DEFAULT_RETRY_SCHEDULE_SECONDS, n, mid)).toThrow(RangeError);
  });
});

describe('parseRetryAfter', () => {
  it.each<[string | null, number | null]>([
    [null, null],
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    [' 30 ', 30_000],
    ['86400', DAY_MS],
    ['86401', DAY_MS],
    ['999999999999', DAY_MS],
    // IMF-fixdate, the form servers send.
    ['Tue, 23 Jun 2026 14:31:00 GMT', 60_000],
    ['Tue, 23 Jun 2026 16:30:00 GMT', 2 * HOUR_MS],
    ['tue, 23 jun 2026 14:30:05 GMT', 5_000],
    // The two obsolete forms RFC 9110 still requires recipients to accept.
    ['Tuesday, 23-Jun-26 14:30:10 GMT', 10_000],
    ['Tue Jun 23 14:30:20 2026', 20_000],
    // asctime pads a one-digit day with a space; 8 days ahead is capped.
    ['Wed Jul  1 14:30:00 2026', DAY_MS],
    // A date in the past (or now) means "retry now".
    ['Tue, 23 Jun 2026 14:30:00 GMT', 0],
    ['Mon, 22 Jun 2026 14:30:00 GMT', 0],
    ['Sun, 06 Nov 1994 08:49:37 GMT', 0],
    // More than 24 h ahead is capped.
    ['Thu, 25 Jun 2026 14:30:00 GMT', DAY_MS],
    ['Fri, 01 Jan 2100 00:00:00 GMT', DAY_MS],
  ])('%j -> %j', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it.each([
    '',
    'soon',
    '-5',
    '1.5',
    '1e3',
    '0x10',
    '5 seconds',
    'Tue, 23 Jun 2026 14:31:00',
    'Tue, 23 Jun 2026 14:31:00 UTC',
    '2026-06-23T14:31:00Z',
    'Tue, 31 Feb 2026 14:31:00 GMT',
    'Tue, 23 Foo 2026 14:31:00 GMT',
    'Tue, 23 Jun 2026 25:00:00 GMT',
    'Tue, 23 Jun 2026 14:61:00 GMT',
    'Xyz, 23 Jun 2026 14:31:00 GMT',
  ])('%j is garbage -> null', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeNull();
  });

  it('reads an RFC 850 two-digit year within the next 50 years as this century, beyond as the last', () => {
    // 76 -> 2076 (50 years ahead, kept), 77 -> 1977 (would be 51 years ahead): both then clamp.
    expect(parseRetryAfter('Wednesday, 01-Jan-76 00:00:00 GMT', NOW)).toBe(DAY_MS);
    expect(parseRetryAfter('Saturday, 01-Jan-77 00:00:00 GMT', NOW)).toBe(0);
  });
});

describe('queueHopSeconds', () => {
  it.each([
    ['due now', NOW, 0],
    ['1 ms ahead rounds up', NOW + 1, 1],
    ['5 s ahead', NOW + 5_000, 5],
    ['4.2 s ahead rounds up', NOW + 4_200, 5],
    ['exactly 12 h', NOW + 12 * HOUR_MS, 43200],
    ['12 h and 1 s', NOW + 12 * HOUR_MS + 1000, 43200],
    ['24 h', NOW + DAY_MS, 43200],
    ['already past', NOW - 60_000, 0],
  ])('%s -> %i s', (_label, dueAt, seconds) => {
    expect(queueHopSeconds(dueAt, NOW)).toBe(seconds);
  });

  it('caps at Cloudflare Queues’ 12 h', () => {
    expect(MAX_QUEUE_DELAY_SECONDS).toBe(12 * 3600);
  });

  it('chains a 24 h wait over two full hops', () => {
    const dueAt = NOW + DAY_MS;
    const first = queueHopSeconds(dueAt, NOW);
    const second = queueHopSeconds(dueAt, NOW + first * 1000);
    const third = queueHopSeconds(dueAt, NOW + (first + second) * 1000);
    expect([first, second, third]).toEqual([43200, 43200, 0]);
  });

  it('throws on NaN rather than handing it to the Queue', () => {
    expect(() => queueHopSeconds(Number.NaN, NOW)).toThrow(RangeError);
  });
});

describe('classifyResponse', () => {
  const retry = (retryAfterMs: number | null): AttemptVerdict => ({ kind: 'retry', retryAfterMs });

  it.each<[number | null, string | null, AttemptVerdict]>([
    [200, null, { kind: 'delivered' }],
    [201, null, { kind: 'delivered' }],
    [202, null, { kind: 'delivered' }],
    [204, null, { kind: 'delivered' }],
    [299, null, { kind: 'delivered' }],
    // 2xx with a Retry-After is still delivered.
    [200, '60', { kind: 'delivered' }],
    // Redirects are not followed, so they are failures.
    [301, null, retry(null)],
    [302, null, retry(null)],
    [307, null, retry(null)],
    [308, null, retry(null)],
    [100, null, retry(null)],
    [199, null, retry(null)],
    [300, null, retry(null)],
    [400, null, retry(null)],
    [401, null, retry(null)],
    [404, null, retry(null)],
    [500, null, retry(null)],
    [502, null, retry(null)],
    [504, null, retry(null)],
    // Only 429 and 503 honour Retry-After.
    [500, '60', retry(null)],
    [404, '60', retry(null)],
    [410, null, { kind: 'gone' }],
    [410, '60', { kind: 'gone' }],
    [429, null, retry(null)],
    [429, '30', retry(30_000)],
    [429, 'Tue, 23 Jun 2026 14:32:00 GMT', retry(120_000)],
    [429, 'garbage', retry(null)],
    [503, null, retry(null)],
    [503, '120', retry(120_000)],
    [503, '999999', retry(DAY_MS)],
    [503, 'Mon, 22 Jun 2026 14:30:00 GMT', retry(0)],
    // A network error or timeout.
    [null, null, retry(null)],
    [null, '60', retry(null)],
  ])('%j with Retry-After %j', (status, retryAfter, verdict) => {
    expect(classifyResponse(status, retryAfter, NOW)).toEqual(verdict);
  });
});
