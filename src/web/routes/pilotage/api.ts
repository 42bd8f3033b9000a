import type { Problem } from "../../../domain/api/problem.js";
import { i18n } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { formatDate } from "../../i18n/format.js";
import { formatDecimal, formatInteger, formatPercent } from "../../i18n/numbers.js";
import type { ResponseOf } from "../../../domain/api/contract.js";
import type { ApiContract, Route } from "../../../domain/api/index.js";
import { callApi, type ApiResult as ClientResult, type Args } from "../../api/client.js";

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

/** Figures in the reader's language (src/web/i18n/numbers.ts). */
export { formatEuros as euros, formatInteger as integer } from "../../i18n/numbers.js";
export const percent = (n: number, digits = 1) => formatPercent(n, digits);
/** A target as published (« 80 % », « 72,5 % »): no forced decimal. */
export const targetPercent = (n: number) => formatPercent(n, 1, false);
/** « +2,5 pt », « −1,0 pt »: a gap or change in percentage points. */
export const points = (n: number) => {
  const value = `${n > 0 ? "+" : n < 0 ? "−" : ""}${formatDecimal(Math.abs(n), 1)}`;
  return i18n._(msg`${value} pt`);
};
/** « 2 décembre 2026 à 14:30 », Paris time (the administration's), in the reader's language. */
export const dateTime = (iso: string) => {
  const tag = i18n.locale === "fr" || i18n.locale === "falc" ? "fr-FR" : (i18n.locales?.[0] ?? i18n.locale);
  return new Intl.DateTimeFormat(tag, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));
};
/** A calendar day in words, through the shared formatter (« 1er mai 2027 » in French). */
export const day = (iso: string) => formatDate(iso);

/** Reads a file chosen in an <input type="file"> as text (UTF-8), refusing what is obviously too big. */
export async function readTextFile(file: File, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > maxBytes) {
    const size = formatInteger(Math.round(file.size / 1024));
    const max = formatInteger(Math.round(maxBytes / 1024));
    return { ok: false, message: i18n._(msg`Ce fichier fait ${size} Kio : au plus ${max} Kio.`) };
  }
  return { ok: true, text: await file.text() };
}
