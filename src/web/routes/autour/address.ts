import type { PlaceFeature } from "./places-api.js";

/** « 12 rue X, 37000 Tours »: the place's address as the official source writes it (in French). */
export function placeAddress(p: Pick<PlaceFeature["properties"], "address" | "postcode" | "commune_name">): string {
  return [p.address, [p.postcode, p.commune_name].filter(Boolean).join(" ")].filter(Boolean).join(", ");
}
