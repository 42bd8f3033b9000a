import type { FastifyReply } from "fastify";

/** RFC 9457 problem details, with a French `detail` a person can act on. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  type?: string;
  errors?: { field: string; message: string }[];
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .status(problem.status)
    .type("application/problem+json; charset=utf-8")
    .send({ type: problem.type ?? "about:blank", ...problem });
}

/** The French problem for an error Fastify or Node raise before or around a route (never a 5xx for bad input). */
export function problemForFrameworkError(error: { code?: string; statusCode?: number; name?: string }): Problem | null {
  switch (error.code) {
    case "FST_ERR_BAD_URL":
      return { status: 400, title: "Adresse invalide", detail: "L'adresse demandée contient un encodage invalide (un « % » doit être suivi de deux chiffres hexadécimaux)." };
    case "FST_ERR_MAX_PARAM_LENGTH":
      return { status: 414, title: "Adresse trop longue", detail: "Un élément de l'adresse demandée est trop long (100 caractères au plus)." };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status: 415, title: "Type de contenu non pris en charge", detail: "Le corps de la requête doit être envoyé en JSON (Content-Type: application/json)." };
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
      if (error.name === "SyntaxError" && error.statusCode === 400) return { status: 400, title: "JSON invalide", detail: "Le corps de la requête n'est pas du JSON valide." };
      return null;
  }
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
      ? { status: 431, title: "En-têtes trop volumineux", detail: "L'adresse ou les en-têtes de la requête dépassent 16 Ko : raccourcissez l'adresse ou effacez les cookies du site." }
      : code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? { status: 408, title: "Délai dépassé", detail: "La requête n'est pas arrivée complète à temps : réessayez." }
        : { status: 400, title: "Requête mal formée", detail: "La requête HTTP est mal formée (caractères interdits dans l'adresse ou les en-têtes, ou syntaxe invalide)." };
  const body = JSON.stringify({ type: "about:blank", ...problem });
  const reason = problem.status === 431 ? "Request Header Fields Too Large" : problem.status === 408 ? "Request Timeout" : "Bad Request";
  return `HTTP/1.1 ${problem.status} ${reason}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}
