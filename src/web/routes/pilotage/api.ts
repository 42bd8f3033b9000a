import { formatFrenchDate } from "../../../domain/dates.js";

/**
 * The steering API from the browser: same-origin fetch with the session cookie (HttpOnly, set by the
 * server) and the CSRF token in the `x-csrf-token` header on every state-changing request. The token is
 * kept in memory only (never in storage): a reload asks the server for it again.
 */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  errors?: { field?: string; line?: number | null; column?: string; message: string }[];
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; problem: Problem };

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let onUnauthorised: (() => void) | null = null;
/** Called when the server says the session is gone (expired, logged out elsewhere). */
export function setUnauthorisedHandler(handler: (() => void) | null): void {
  onUnauthorised = handler;
}

export async function api<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, credentials: "same-origin", ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    return { ok: false, status: 0, problem: { status: 0, title: "Hors ligne", detail: "Le serveur ne répond pas : vérifiez votre connexion puis réessayez." } };
  }
  if (response.status === 204) return { ok: true, status: 204, data: undefined as T };
  const data = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, status: response.status, data: data as T };
  if (response.status === 401 && path !== "/pilotage/session") onUnauthorised?.();
  const problem = (data && typeof data === "object" ? data : { status: response.status, title: "Erreur", detail: `Erreur ${response.status}.` }) as Problem;
  return { ok: false, status: response.status, problem };
}

export const euros = (n: number) => new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(n);
export const integer = (n: number) => new Intl.NumberFormat("fr-FR").format(n);
export const percent = (n: number, digits = 1) => `${new Intl.NumberFormat("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n)} %`;
export const points = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(n))} pt`;
export const dateTime = (iso: string) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));
/** A calendar day in words, through the shared formatter (« 1er mai 2027 »). */
export const day = (iso: string) => formatFrenchDate(iso);

/** Reads a file chosen in an <input type="file"> as text (UTF-8), refusing what is obviously too big. */
export async function readTextFile(file: File, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > maxBytes) return { ok: false, message: `Ce fichier fait ${Math.round(file.size / 1024)} Kio : au plus ${Math.round(maxBytes / 1024)} Kio.` };
  return { ok: true, text: await file.text() };
}
