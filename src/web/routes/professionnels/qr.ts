import qrcode from "qrcode-generator";

/**
 * A QR code made on the device (qrcode-generator, MIT): nothing is sent to a QR service. Medium error
 * correction (15 %) survives a crease or a smudge on paper; long texts fall back to low correction.
 */
export interface QrMatrix {
  size: number;
  isDark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  for (const level of ["M", "L"] as const) {
    try {
      const qr = qrcode(0, level);
      // eslint-disable-next-line lingui/no-unlocalized-strings -- the QR encoding mode, not text
      qr.addData(text, "Byte");
      qr.make();
      return { size: qr.getModuleCount(), isDark: (r, c) => qr.isDark(r, c) };
    } catch {
      /* too long for this level: try the next one */
    }
  }
  throw new Error("Texte trop long pour un QR code");
}

/** Quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

/** One SVG path of the dark modules, in module units, quiet zone included. */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row++)
    for (let col = 0; col < matrix.size; col++)
      // eslint-disable-next-line lingui/no-unlocalized-strings -- SVG path commands, not text
      if (matrix.isDark(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
  return parts.join("");
}

/** RGBA pixels of the code (white background), `scale` pixels per module: what a camera would see. */
export function qrPixels(matrix: QrMatrix, scale: number): { width: number; data: Uint8ClampedArray } {
  const width = (matrix.size + 2 * QUIET_ZONE) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++)
    for (let x = 0; x < width; x++) {
      const row = Math.floor(y / scale) - QUIET_ZONE;
      const col = Math.floor(x / scale) - QUIET_ZONE;
      if (row >= 0 && col >= 0 && row < matrix.size && col < matrix.size && matrix.isDark(row, col)) {
        const i = (y * width + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  return { width, data };
}
