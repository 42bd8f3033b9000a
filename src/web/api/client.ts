import { apiUrl, offlineProblem, statusProblem, unreadableProblem, type Endpoint, type RequestOf, type ResponseOf } from "../../domain/api/contract.js";
import type { ApiContract, Route } from "../../domain/api/index.js";
import type { Problem } from "../../domain/api/problem.js";

/**
 * The browser's one way to call `/api/v1` (issue 11): a route of the shared contract (« GET /places/:id »), its
 * typed parameters, query string and body → the typed answer, or the French problem the server sent (or one
 * said here when the server cannot be reached or answers something else). Never throws.
 *
 * The types come from the contract's zod schemas, but zod itself stays out of this module (the parents' first
 * load does without it): an answer is trusted as typed unless the caller passes the route's schema as `parse` to
 * check it. A page whose first screen checks nothing passes it as a loader, `() => import("…/contract.js").then((c) =>
 * c.someSchema)`: the schema's module (and zod) is then fetched and built on the first answer checked, not with the
 * page (issue 19).
 */
export type ApiResult<T> =
  | { ok: true; status: number; data: T; headers: Headers }
  /** `fromServer`: the problem is the server's own problem+json (else one said here: offline, unreadable answer). */
  | { ok: false; status: number; problem: Problem; fromServer: boolean; headers: Headers | null };

/** What `parse` needs from a zod schema (kept structural so that this module does not import zod). */
export interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** A schema to check the answer with, or a loader of it (imported on the first check, then kept by the module cache). */
export type ParserOption<T> = Parser<T> | (() => Promise<Parser<T>>);

export interface CallOptions<T> {
  parse?: ParserOption<T>;
  headers?: Record<string, string>;
  /** `same-origin` by default; `omit` where no cookie may go (the parents' call-back request). */
  credentials?: RequestCredentials;
  cache?: RequestCache;
  signal?: AbortSignal;
}

export type Args<E extends Endpoint> =
  object extends RequestOf<E> ? [request?: RequestOf<E>, options?: CallOptions<ResponseOf<E>>] : [request: RequestOf<E>, options?: CallOptions<ResponseOf<E>>];

export async function callApi<R extends Route>(route: R, ...[request, options = {}]: Args<ApiContract[R]>): Promise<ApiResult<ResponseOf<ApiContract[R]>>> {
  const space = route.indexOf(" ");
  const method = route.slice(0, space);
  const path = route.slice(space + 1);
  const req = (request ?? {}) as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown };
  const url = apiUrl(path, req.params, req.query);
  return fetchJson<ResponseOf<ApiContract[R]>>(url, { ...options, method, body: req.body });
}

/**
 * The same for a JSON file or service outside the API's contract (the shipped commune list, the configured
 * geocoder): the answer is typed by the caller.
 */
export async function fetchJson<T>(url: string, options: CallOptions<T> & { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  const { parse, body, method = "GET", credentials = "same-origin", cache, signal } = options;
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials,
      ...(cache ? { cache } : {}),
      ...(signal ? { signal } : {}),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    return { ok: false, status: 0, problem: offlineProblem, fromServer: false, headers: null };
  }
  const data = response.status === 204 ? undefined : ((await response.json().catch(() => null)) as unknown);
  if (!response.ok) {
    const fromServer = isProblem(data);
    return { ok: false, status: response.status, problem: fromServer ? data : statusProblem(response.status), fromServer, headers: response.headers };
  }
  if (!parse) return { ok: true, status: response.status, data: data as T, headers: response.headers };
  // A loader that fails (a chunk missing after a new deployment) leaves the answer unchecked: it is then unreadable.
  const parser = typeof parse === "function" ? await parse().catch(() => null) : parse;
  const parsed = parser ? parser.safeParse(data) : { success: false as const };
  return parsed.success
    ? { ok: true, status: response.status, data: parsed.data, headers: response.headers }
    : { ok: false, status: response.status, problem: unreadableProblem(response.status), fromServer: false, headers: response.headers };
}

function isProblem(data: unknown): data is Problem {
  return typeof data === "object" && data !== null && typeof (data as Problem).detail === "string" && typeof (data as Problem).status === "number";
}
