import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import {
  AppError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  TooLargeError,
  TooManyRequestsError,
  UnauthenticatedError,
  UnavailableError,
  UnprocessableError,
  type FieldError,
  type LineError,
} from "../domain/errors.js";

export { problemSchema } from "../domain/api/problem.js";

/** RFC 9457 problem details, with a French `detail` a person can act on. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  type?: string;
  /** Extension members, sent after `detail`. */
  [member: string]: unknown;
  errors?: readonly FieldError[] | readonly LineError[];
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .status(problem.status)
    .type("application/problem+json; charset=utf-8")
    .send({ type: problem.type ?? "about:blank", ...problem });
}

/** Status and default title of each typed error (src/domain/errors.ts): the one place they become HTTP. */
const kinds: [new (...args: never[]) => AppError, number, string][] = [
  [InvalidInputError, 400, "Requête invalide"],
  [UnauthenticatedError, 401, "Connexion requise"],
  [ForbiddenError, 403, "Accès refusé"],
  [NotFoundError, 404, "Introuvable"],
  [ConflictError, 409, "Conflit"],
  [TooLargeError, 413, "Requête trop volumineuse"],
  [UnprocessableError, 422, "Saisie invalide"],
  [TooManyRequestsError, 429, "Trop de demandes"],
  [UnavailableError, 503, "Service indisponible"],
];

/** The answer to an error: its problem and the headers that go with it (Retry-After). */
export interface ProblemAnswer {
  problem: Problem;
  headers: Record<string, string>;
  /** A fault of ours (500), to be logged; never shown to the client. */
  internal: boolean;
}

/**
 * Every error raised while answering a request, mapped once to its French problem: typed errors, schema
 * validation, framework errors, other 4xx; anything else is a 500 whose message and stack stay in the logs.
 */
export function problemOf(error: unknown): ProblemAnswer {
  if (error instanceof AppError) {
    const kind = kinds.find(([type]) => error instanceof type);
    const [, status, title] = kind ?? [undefined, 500, "Erreur interne"];
    const problem: Problem = { status, title: error.title ?? title, detail: error.detail, ...error.extensions };
    if (error.errors) problem.errors = error.errors;
    const headers: Record<string, string> = error instanceof TooManyRequestsError ? { "retry-after": String(error.retryAfterSeconds) } : {};
    return { problem, headers, internal: !kind };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => {
      const field =
        issue.instancePath.replace(/^\//, "").replace(/\//g, ".") || (issue.params as { issue?: { keys?: string[] } }).issue?.keys?.join(", ") || "(requête)";
      return { field, message: issue.message ?? "valeur invalide" };
    });
    return {
      problem: { status: 400, title: "Requête invalide", detail: errors.map((e) => `${e.field} : ${e.message}`).join(" ; "), errors },
      headers: {},
      internal: false,
    };
  }
  const raised = (error !== null && typeof error === "object" ? error : {}) as { statusCode?: number; code?: string; name?: string };
  const known = problemForFrameworkError(raised);
  if (known) return { problem: known, headers: {}, internal: false };
  const status = raised.statusCode && raised.statusCode >= 400 && raised.statusCode < 500 ? raised.statusCode : 500;
  return {
    problem: {
      status,
      title: status === 500 ? "Erreur interne" : "Requête refusée",
      detail:
        status === 500
          ? "Une erreur inattendue s'est produite de notre côté. Réessayez plus tard."
          : "La requête n'a pas pu être traitée : vérifiez son format.",
    },
    headers: {},
    internal: status === 500,
  };
}

/** The Fastify error handler of the whole API (and of the tests' partial apps). */
export function problemErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { problem, headers, internal } = problemOf(error);
  if (internal) {
    const { message, stack } = error instanceof Error ? error : { message: String(error), stack: undefined };
    request.log.error({ err: { message, stack } }, "request failed");
  }
  return sendProblem(reply.headers(headers), problem);
}

/** The French problem for an error Fastify or Node raise before or around a route (never a 5xx for bad input). */
export function problemForFrameworkError(error: { code?: string; statusCode?: number; name?: string }): Problem | null {
  switch (error.code) {
    case "FST_ERR_BAD_URL":
      return {
        status: 400,
        title: "Adresse invalide",
        detail: "L'adresse demandée contient un encodage invalide (un « % » doit être suivi de deux chiffres hexadécimaux).",
      };
    case "FST_ERR_MAX_PARAM_LENGTH":
      return { status: 414, title: "Adresse trop longue", detail: "Un élément de l'adresse demandée est trop long (100 caractères au plus)." };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return {
        status: 415,
        title: "Type de contenu non pris en charge",
        detail: "Le corps de la requête doit être envoyé en JSON (Content-Type: application/json).",
      };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, title: "Requête trop volumineuse", detail: "Le corps de la requête dépasse la taille acceptée par ce service." };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { status: 400, title: "Requête invalide", detail: "La taille du corps de la requête ne correspond pas à son en-tête Content-Length." };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_ROUTE_MISSING_CONTENT":
      return { status: 400, title: "Requête invalide", detail: "Le corps de la requête est vide : un objet JSON est attendu." };
    case "FST_ERR_ROUTE_MISSING_CONTENT_TYPE":
      return { status: 400, title: "Requête invalide", detail: "Le type du corps de la requête manque (Content-Type: application/json)." };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { status: 400, title: "JSON invalide", detail: "Le corps de la requête n'est pas du JSON valide." };
    case "FST_ERR_ASYNC_CONSTRAINT":
      return { status: 400, title: "Requête invalide", detail: "La requête n'a pas pu être aiguillée : vérifiez ses en-têtes." };
    // PostgreSQL refusing a character (NUL, invalid UTF-8): input the edge check should have stopped.
    case "22021":
    case "22P05":
      return { status: 400, title: "Requête invalide", detail: "La requête contient un caractère refusé (caractère nul ou octets non UTF-8)." };
    default:
      // JSON syntax errors from the body parser (secure-json-parse), e.g. a forbidden __proto__ key.
      if (error.name === "SyntaxError" && error.statusCode === 400)
        return { status: 400, title: "JSON invalide", detail: "Le corps de la requête n'est pas du JSON valide." };
      return null;
  }
}

/**
 * Errors met before routing, as Fastify server options: bad %-encoding or over-long path parameters
 * (`frameworkErrors`), and requests Node cannot parse at all (`clientErrorHandler`): French problems too.
 */
export const problemServerOptions = {
  frameworkErrors: (error, _request, reply) =>
    sendProblem(
      reply,
      problemForFrameworkError(error) ?? { status: 400, title: "Requête invalide", detail: "La requête n'a pas pu être traitée : vérifiez son adresse." },
    ),
  // Requests Node cannot parse (headers over 16 KB, raw bytes in the request line) never reach Fastify.
  clientErrorHandler(error: Error & { code?: string }, socket) {
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    if (socket.writable) socket.write(clientErrorResponse(error.code));
    socket.destroy(error);
  },
} satisfies Pick<FastifyServerOptions, "frameworkErrors" | "clientErrorHandler">;

/** Every error of a route answered by {@link problemErrorHandler}; U+0000 refused at the edge, in every field. */
export function handleErrors(app: FastifyInstance): void {
  // PostgreSQL cannot store U+0000 in text: refused at the edge, for every route and every field (path, query, body).
  app.addHook("preValidation", async (request, reply) => {
    if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) return sendProblem(reply, nulProblem);
  });
  app.setErrorHandler(problemErrorHandler);
}

/** A string anywhere in a parsed value (keys included) holding U+0000, which PostgreSQL cannot store. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes("\u0000") || containsNul(item, depth + 1));
}

export const nulProblem: Problem = {
  status: 400,
  title: "Requête invalide",
  detail: "La requête contient un caractère nul (U+0000), qui n'est accepté dans aucun champ : retirez-le et recommencez.",
};

/**
 * The raw HTTP answer to a request Node could not even parse (headers over 16 KB, bytes not allowed in the
 * request line, garbage): Fastify's routing never sees it, so it is written on the socket here.
 */
export function clientErrorResponse(code: string | undefined): string {
  const problem: Problem =
    code === "HPE_HEADER_OVERFLOW"
      ? {
          status: 431,
          title: "En-têtes trop volumineux",
          detail: "L'adresse ou les en-têtes de la requête dépassent 16 Ko : raccourcissez l'adresse ou effacez les cookies du site.",
        }
      : code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? { status: 408, title: "Délai dépassé", detail: "La requête n'est pas arrivée complète à temps : réessayez." }
        : {
            status: 400,
            title: "Requête mal formée",
            detail: "La requête HTTP est mal formée (caractères interdits dans l'adresse ou les en-têtes, ou syntaxe invalide).",
          };
  const body = JSON.stringify({ type: "about:blank", ...problem });
  const reason = problem.status === 431 ? "Request Header Fields Too Large" : problem.status === 408 ? "Request Timeout" : "Bad Request";
  return `HTTP/1.1 ${problem.status} ${reason}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}
