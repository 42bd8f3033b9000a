import { useMemo } from "react";
import { qrMatrix, qrPath, QUIET_ZONE } from "./qr.js";

/** A QR code as an SVG (crisp on screen and paper), with a text alternative saying what it opens. */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const { path, modules } = useMemo(() => {
    const matrix = qrMatrix(text);
    return { path: qrPath(matrix), modules: matrix.size + 2 * QUIET_ZONE };
  }, [text]);
  return (
    <svg
      className="mj-qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
      data-qr-text={text}
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
