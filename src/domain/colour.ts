/** WCAG 2.x relative luminance of an sRGB channel (0-255). */
function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/**
 * The contrast ratio of white text on `hex` (#rrggbb), by WCAG 2.x's formula: (L1 + 0.05) / (L2 + 0.05).
 * The checkout writes its pay button's label in white on the merchant's colour, so AA needs 4.5.
 */
export function contrastWithWhite(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const l = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return 1.05 / (l + 0.05);
}
