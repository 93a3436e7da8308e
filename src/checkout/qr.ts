import QRCode from 'qrcode-svg';

// ISO/IEC 18004 asks for a 4-module light margin; scanners struggle to find the code without it.
const QUIET_ZONE = 4;

/**
 * Renders `text` as a QR code SVG (error correction M, 4-module quiet zone) that scales to whatever box
 * the page gives it: one user unit per module in the viewBox, so every edge lands on the module grid
 * and `crispEdges` keeps it sharp at any size.
 *
 * qrcode-svg only computes the module matrix here. Its own `svg()` output is avoided on purpose: it draws
 * the matrix transposed unless `swap` is set (jsQR and many phone scanners silently accept a mirrored
 * code; some bank apps do not), and with `join` it emits one square per dark module (~33 KB for a
 * 150-character PIX payload), where one rectangle per horizontal run is about a third of that.
 * @throws Error if `text` is empty or too long for a version 40 QR code.
 */
export function qrSvg(text: string): string {
  const model = new QRCode({ content: text, ecl: 'M', padding: QUIET_ZONE }).qrcode;
  const count = model.getModuleCount();
  const size = count + 2 * QUIET_ZONE;
  let path = '';
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!model.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && model.isDark(row, col)) col++;
      const run = col - start;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
