import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import { z } from "zod";
import type { IsoDate } from "../dates.js";
import type { FieldError, Profile } from "../profile/profile.js";
import { familyDatesSchema, MAX_BABIES, MAX_HANDED_CHILDREN, profileFromFamilyDates, type FamilyDates } from "./family.js";
import { synthesisSchema, type Synthesis } from "./synthesis.js";
import { PARENT_MESSAGES, type ParentMessageCode } from "../parent-messages.js";

/**
 * Hand-over by link or QR code: what a professional prepared travels to the parent's phone in the URL
 * fragment (`/recevoir#…`). Browsers never send the fragment to a server (RFC 3986 §3.5; the HTTP request
 * carries the path and query only), so no family's data reaches ours, nor its logs.
 *
 * Versioned and compact (a QR code a phone reads easily holds a few hundred characters):
 * - calendar: `v=1&k=cal&t=2027-06-01&n=2&e=2023-01-05,2025-03-10~2025-04-20&o=udb`
 *   (`t` terme or `r` date des dernières règles, `n` babies expected, `e` children's birth dates each with
 *   an optional `~` due date of a premature baby, `o` calendar answers: u = parents non mariés,
 *   d = risque de diabète gestationnel, b = BCG recommandé);
 * - synthesis: `v=1&k=syn&z=…`, the synthesis as JSON, deflated, in base64url.
 * A link of a later version is refused with a message, never half-read.
 */
export const HANDOVER_VERSION = 1;
export const RECEIVE_PATH = "/recevoir";
/** Longest fragment accepted: a QR code of this many characters stays readable by a phone's camera. */
export const MAX_FRAGMENT_LENGTH = 1800;

export type Handover = { kind: "calendar"; family: FamilyDates } | { kind: "synthesis"; synthesis: Synthesis };

export type ReadResult =
  | { ok: true; kind: "calendar"; family: FamilyDates; profile: Profile }
  | { ok: true; kind: "synthesis"; synthesis: Synthesis }
  /** `message` in French; `code` for the browser to show it in the parent's language (src/domain/parent-messages.ts). */
  | { ok: false; message: string; code: ParentMessageCode; errors?: FieldError[] };

const OPTION_LETTERS = { unmarried: "u", diabetesRisk: "d", bcg: "b" } as const;

export function encodeHandover(handover: Handover): string {
  const params = new URLSearchParams({ v: String(HANDOVER_VERSION) });
  if (handover.kind === "calendar") {
    const { pregnancy, children, options } = familyDatesSchema.parse(handover.family);
    params.set("k", "cal");
    if (pregnancy) {
      params.set(pregnancy.dateKind === "terme" ? "t" : "r", pregnancy.date);
      if (pregnancy.babies > 1) params.set("n", String(pregnancy.babies));
    }
    if (children.length) params.set("e", children.map((c) => (c.expectedTerme ? `${c.birthDate}~${c.expectedTerme}` : c.birthDate)).join(","));
    const letters = (Object.keys(OPTION_LETTERS) as (keyof typeof OPTION_LETTERS)[]).filter((k) => options[k]).map((k) => OPTION_LETTERS[k]);
    if (letters.length) params.set("o", letters.join(""));
  } else {
    params.set("k", "syn");
    params.set("z", toBase64Url(deflateSync(strToU8(JSON.stringify(synthesisSchema.parse(handover.synthesis))), { level: 9 })));
  }
  // URLSearchParams encodes "~" and "," although the fragment allows them: keep the link short and readable.
  return params.toString().replaceAll("%7E", "~").replaceAll("%2C", ",");
}

export function handoverUrl(origin: string, handover: Handover): string {
  return `${origin}${RECEIVE_PATH}#${encodeHandover(handover)}`;
}

const refused = (code: ParentMessageCode, errors?: FieldError[]): ReadResult => ({
  ok: false,
  message: PARENT_MESSAGES[code],
  code,
  ...(errors ? { errors } : {}),
});
const BROKEN = refused("handover.broken");

/** Reads a fragment (with or without `#`) and checks it, dates included, with the profile's own rules. */
export function readHandover(fragment: string, today: IsoDate): ReadResult {
  const raw = fragment.replace(/^#/, "");
  if (!raw) return refused("handover.empty");
  if (raw.length > MAX_FRAGMENT_LENGTH) return BROKEN;
  const params = new URLSearchParams(raw);
  const version = Number(params.get("v"));
  if (!Number.isInteger(version) || version < 1) return BROKEN;
  if (version > HANDOVER_VERSION) return refused("handover.newer-version");
  const kind = params.get("k");
  if (kind === "cal") {
    const family = familyFromParams(params);
    if (!family) return BROKEN;
    const result = profileFromFamilyDates(family, today);
    return result.ok ? { ok: true, kind: "calendar", family, profile: result.profile } : refused("handover.dates-refused", result.errors);
  }
  if (kind === "syn") {
    const synthesis = synthesisFromParam(params.get("z") ?? "");
    return synthesis ? { ok: true, kind: "synthesis", synthesis } : BROKEN;
  }
  return BROKEN;
}

const dateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

function familyFromParams(params: URLSearchParams): FamilyDates | null {
  const terme = params.get("t");
  const ddr = params.get("r");
  if (terme && ddr) return null;
  const date = terme ?? ddr;
  if (date !== null && !dateParam.safeParse(date).success) return null;
  const babies = params.has("n") ? Number(params.get("n")) : 1;
  if (!Number.isInteger(babies) || babies < 1 || babies > MAX_BABIES) return null;
  const childParts = params.get("e")?.split(",") ?? [];
  if (childParts.length > MAX_HANDED_CHILDREN) return null;
  const children: FamilyDates["children"] = [];
  for (const part of childParts) {
    const [birthDate, expectedTerme, ...rest] = part.split("~");
    if (rest.length || !dateParam.safeParse(birthDate).success || (expectedTerme !== undefined && !dateParam.safeParse(expectedTerme).success)) return null;
    children.push({ birthDate: birthDate!, ...(expectedTerme ? { expectedTerme } : {}) });
  }
  const letters = params.get("o") ?? "";
  if (!/^[udb]*$/.test(letters)) return null;
  const family: FamilyDates = {
    pregnancy: date ? { dateKind: terme ? "terme" : "ddr", date, babies } : null,
    children,
    options: { unmarried: letters.includes("u"), diabetesRisk: letters.includes("d"), bcg: letters.includes("b") },
  };
  return familyDatesSchema.safeParse(family).success ? family : null;
}

function synthesisFromParam(value: string): Synthesis | null {
  try {
    const parsed = synthesisSchema.safeParse(JSON.parse(strFromU8(inflateSync(fromBase64Url(value)))));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new Error("not base64url");
  const binary = atob(value.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Whether a hand-over fits in one link and QR code (the synthesis form says so before it is too late). */
export function fitsInLink(handover: Handover): boolean {
  return encodeHandover(handover).length <= MAX_FRAGMENT_LENGTH;
}
