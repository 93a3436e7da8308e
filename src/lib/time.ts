/** ISO 8601 UTC with second precision, in seed 001's `+00:00` form. */
export function isoUtc(ms: number): string {
  // toISOString always ends in .sssZ (5 characters) for the years Borda handles.
  return `${new Date(ms).toISOString().slice(0, -5)}+00:00`;
}
