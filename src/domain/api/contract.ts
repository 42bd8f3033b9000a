import type { z } from "zod";
import type { Problem } from "./problem.js";

/**
 * The HTTP contract of `/api/v1`, written once (issue 11): each area (`places.ts`, `steering.ts`…) lists its
 * endpoints under their « METHOD /path » key (Fastify's `:param` syntax, without the `/api/v1` prefix) with the
 * zod schemas of their path parameters, query string, body and successful answer. The server routes use these
 * schemas (validation, serialisation, OpenAPI); the browser's one client (`src/web/api/client.ts`) takes the same
 * key and gets its input and answer types from them.
 *
 * This module imports zod as types only, so the client (on the parents' first load, where zod is kept off on
 * purpose) can use it: the French messages below are plain values.
 */

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Endpoint {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The successful answer (JSON). Absent: no JSON body (204, or a file such as CSV). */
  response?: z.ZodType;
  /** The successful status when not 200. */
  status?: 201 | 204;
}

/** An area's endpoints, keyed by « METHOD /path ». */
export type Contract = Record<`${Method} /${string}`, Endpoint>;

type Input<S> = S extends z.ZodType ? z.input<S> : never;

/** What a caller sends: path parameters, query string and body, each only when the endpoint has one. */
export type RequestOf<E extends Endpoint> = (E["params"] extends z.ZodType ? { params: Input<E["params"]> } : { params?: undefined }) &
  (E["query"] extends z.ZodType ? { query: Input<E["query"]> } : { query?: undefined }) &
  (E["body"] extends z.ZodType ? { body: Input<E["body"]> } : { body?: undefined });

/** What a successful call answers (the JSON the server sent, as its schema describes it). */
export type ResponseOf<E extends Endpoint> = E["response"] extends z.ZodType ? z.output<E["response"]> : undefined;

/** Fills « /places/:id » with its parameters (each one URL-encoded). */
export function fillPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** Where the API is served: every contract path is under it. */
export const API_PREFIX = "/api/v1";

/**
 * The address of a call (« /places/:id » filled, then its query string): what the browser's client asks, and the key
 * of an answer a page was served with (src/web/state/served-answers.ts).
 */
export function apiUrl(path: string, params?: Record<string, string | number>, query?: Record<string, unknown>): string {
  return `${API_PREFIX}${fillPath(path, params)}${queryString(query)}`;
}

/** The query string of a request (`?a=1&b=x`, empty when nothing is set); lists are written comma-separated. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The problem the browser shows when the server could not be reached. */
export const offlineProblem: Problem = {
  type: "about:blank",
  status: 0,
  title: "Hors ligne",
  detail: "Le serveur ne répond pas : vérifiez votre connexion puis réessayez.",
};

/** The problem for an error answer that is not problem+json (a proxy's page, an empty body). */
export function statusProblem(status: number): Problem {
  return { type: "about:blank", status, title: "Erreur", detail: `Erreur ${status}.` };
}

/** The problem for a successful answer that does not match its contract. */
export function unreadableProblem(status: number): Problem {
  return { type: "about:blank", status, title: "Réponse illisible", detail: "La réponse du serveur n'a pas pu être lue. Réessayez dans un moment." };
}
