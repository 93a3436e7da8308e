import * as z from 'zod';

/**
 * What `zod/v4/core` resolves to in the Worker bundle (wrangler.toml `[alias]`). hono-openapi's JSON
 * Schema step loads it with a dynamic `import('zod/v4/core')` and takes only `toJSONSchema`; a dynamic
 * import keeps every export of the module, so the bundle carried all of zod's core and its 40 locales
 * (1.05 MB raw instead of 0.46). Borda's own code reaches zod through `zod`, which this does not touch.
 */
export const toJSONSchema = z.toJSONSchema;
