import { QrCode } from "./QrCode.js";

/** The QR code of a hand-over link, sized for paper (about 4 cm printed) and a phone's camera. */
export function HandoverQr({ url, label }: { url: string; label: string }) {
  return (
    <div className="mj-qr-box">
      <QrCode text={url} label={label} size={180} />
    </div>
  );
}
