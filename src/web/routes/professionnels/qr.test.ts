import { describe, expect, it } from "vitest";
import jsQR from "jsqr";
import { qrMatrix, qrPixels } from "./qr.js";
import { handoverUrl } from "../../../domain/handover/link.js";

function decode(text: string): string | undefined {
  const { width, data } = qrPixels(qrMatrix(text), 4);
  return jsQR(data, width, width)?.data;
}

describe("QR codes made on the device", () => {
  it("decode back to the hand-over link (jsQR, an independent reader)", () => {
    const url = handoverUrl("https://mille-jours.example.fr", {
      kind: "calendar",
      family: {
        pregnancy: { dateKind: "terme", date: "2027-05-01", babies: 2 },
        children: [{ birthDate: "2023-01-05" }],
        options: { unmarried: true, diabetesRisk: false, bcg: false },
      },
    });
    expect(decode(url)).toBe(url);
  });

  it("hold the longest link a synthesis may make", () => {
    const url = `https://mille-jours.example.fr/recevoir#v=1&k=syn&z=${"Ab9_-".repeat(360)}`;
    expect(url.length).toBeGreaterThan(1800);
    expect(decode(url)).toBe(url);
  });
});
