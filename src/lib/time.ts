/** ISO 8601 UTC with second precision, in seed 001's `+00:00` form. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
