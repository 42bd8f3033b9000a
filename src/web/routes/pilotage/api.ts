import type { Problem } from "../../../domain/api/problem.js";
import { formatFrenchDate } from "../../../domain/dates.js";
import type { ResponseOf } from "../../../domain/api/contract.js";
import type { ApiContract, Route } from "../../../domain/api/index.js";
import { callApi, fetchJson, type ApiResult as ClientResult, type Args } from "../../api/client.js";

/**
 * The steering API from the browser, through the one client (`src/web/api/client.ts`): same-origin fetch with
 * the session cookie (HttpOnly, set by the server) and the CSRF token in the `x-csrf-token` header on every
 * state-changing request. The token is kept in memory only (never in storage): a reload asks the server for it
 * again.
 */
export type { Problem };
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

/** The headers of a steering request: the CSRF token on a change. */
export function steeringHeaders(method: string): Record<string, string> {
  return method !== "GET" && csrfToken ? { "x-csrf-token": csrfToken } : {};
}

/** What every steering answer goes through: a 401 (but the login's own) means the session is gone. */
export function steeringAnswer<T>(path: string, result: ClientResult<T>): ApiResult<T> {
  if (result.ok) return { ok: true, status: result.status, data: result.data };
  if (result.status === 401 && path !== "/pilotage/session") onUnauthorised?.();
  return { ok: false, status: result.status, problem: result.problem };
}

/** A steering endpoint of the shared contract, with the session's CSRF token and its 401 handling. */
export async function steeringApi<R extends Route>(route: R, ...[request, options = {}]: Args<ApiContract[R]>): Promise<ApiResult<ResponseOf<ApiContract[R]>>> {
  const [method = "GET", path = ""] = route.split(" ");
  const args = [request, { ...options, headers: { ...steeringHeaders(method), ...options.headers } }] as Args<ApiContract[R]>;
  return steeringAnswer(path, await callApi(route, ...args));
}

export async function api<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<ApiResult<T>> {
  return steeringAnswer(path, await fetchJson<T>(`/api/v1${path}`, { method, body, headers: steeringHeaders(method) }));
}

export const euros = (n: number) => new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(n);
export const integer = (n: number) => new Intl.NumberFormat("fr-FR").format(n);
export const percent = (n: number, digits = 1) =>
  `${new Intl.NumberFormat("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n)} %`;
export const points = (n: number) =>
  `${n > 0 ? "+" : n < 0 ? "−" : ""}${new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(n))} pt`;
export const dateTime = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));
/** A calendar day in words, through the shared formatter (« 1er mai 2027 »). */
export const day = (iso: string) => formatFrenchDate(iso);

/** Reads a file chosen in an <input type="file"> as text (UTF-8), refusing what is obviously too big. */
export async function readTextFile(file: File, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > maxBytes) return { ok: false, message: `Ce fichier fait ${Math.round(file.size / 1024)} Kio : au plus ${Math.round(maxBytes / 1024)} Kio.` };
  return { ok: true, text: await file.text() };
}
