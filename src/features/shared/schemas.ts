import * as z from 'zod';

/** Seed 001 metadata: "arbitrary data forwarded to your frontend", bounded so rows stay small. */
export const METADATA_MAX_KEYS = 50;
export const METADATA_MAX_BYTES = 8 * 1024;

export const Metadata = z
  .record(z.string().min(1).max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]), {
    error: 'metadata must be an object of strings, numbers, booleans or null',
  })
  .refine((m) => Object.keys(m).length <= METADATA_MAX_KEYS, {
    message: `metadata may hold at most ${METADATA_MAX_KEYS} keys`,
    params: { code: 'too_many_keys' },
  })
  .refine((m) => new TextEncoder().encode(JSON.stringify(m)).byteLength <= METADATA_MAX_BYTES, {
    message: `metadata may be at most ${METADATA_MAX_BYTES} bytes as JSON`,
    params: { code: 'too_big' },
  })
  .meta({ description: 'Your own key-value data, returned on the session and in its events.', example: {} });
export type Metadata = z.infer<typeof Metadata>;

/** Printable text without control characters (ids end up in URLs, logs and CSV exports). */
export const PrintableId = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(
      /^[\x21-\x7E](?:[\x20-\x7E]*[\x21-\x7E])?$/,
      'must be printable ASCII without leading or trailing spaces',
    );

export const UrlString = z.string().max(2048);

export const IsoDateTime = z.iso.datetime({ offset: true });

export const ListEnvelope = <T extends z.ZodType>(item: T) =>
  z.object({
    object: z.literal('list'),
    data: z.array(item),
    has_more: z.boolean(),
    next_cursor: z.string().nullable().meta({ description: 'Pass as `cursor` to get the next page.' }),
  });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string(),
    request_id: z.string(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' });
