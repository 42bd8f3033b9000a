import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import { STEERING_ROLES, type Account, type Role } from "../../../domain/api/steering.js";
import { ForbiddenError, UnauthenticatedError } from "../../../domain/errors.js";
import type { SteeringContext } from "../context.js";
import { clearSessionCookie, sessionToken } from "./cookie.js";
import { loadSession, type Session } from "./service.js";

/**
 * The guard of the back office's private routes (HTTP side of the sessions).
 *
 * - CSRF: each session has a random synchronizer token, given to the page at login and by
 *   GET /pilotage/session; every state-changing request (POST, PUT, PATCH, DELETE) must send it in the
 *   `x-csrf-token` header (compared in constant time). In addition, a state-changing request whose Origin
 *   (or Sec-Fetch-Site) says it comes from another site is refused, login included.
 * - The session itself (token, idle timeout, absolute expiry) is ./service.ts's, its cookie ./cookie.ts's.
 */

const sessions = new WeakMap<FastifyRequest, Session>();

/** The session a guarded route runs with. */
export function sessionOf(request: FastifyRequest): Session {
  const session = sessions.get(request);
  if (!session) throw new Error("route without guard");
  return session;
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Refuses a state-changing request that a browser says comes from another site. */
export function crossSiteProblem(request: FastifyRequest): string | null {
  if (!STATE_CHANGING.has(request.method)) return null;
  const site = request.headers["sec-fetch-site"];
  if (site === "cross-site") return "Requête refusée : elle vient d'un autre site.";
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  try {
    if (new URL(origin).host === request.host) return null; // Host, or X-Forwarded-Host behind a proxy
  } catch {
    /* "null" or garbage */
  }
  return "Requête refusée : elle vient d'un autre site.";
}

function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The guard of a private route (an onRequest hook, so it runs before the body is even read): a valid
 * session (401 otherwise), the CSRF token on state-changing requests (403), and one of `roles` (403).
 * Without `roles`, the roles of the regional steering ({@link STEERING_ROLES}): a département's call-back
 * account is refused everywhere it is not named.
 */
export function guard(ctx: SteeringContext, roles: readonly Role[] = STEERING_ROLES): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const crossSite = crossSiteProblem(request);
    if (crossSite) throw new ForbiddenError(crossSite);
    const loaded = await loadSession(ctx, sessionToken(request));
    if (loaded.status !== "ok") {
      if (loaded.status === "expired") clearSessionCookie(request, reply);
      throw new UnauthenticatedError(
        loaded.status === "expired" ? "Votre session a expiré : reconnectez-vous." : "Connectez-vous pour accéder au pilotage territorial.",
      );
    }
    const { session } = loaded;
    if (STATE_CHANGING.has(request.method) && !csrfMatches(session.csrfToken, request.headers["x-csrf-token"]))
      throw new ForbiddenError("Jeton anti-falsification (CSRF) absent ou invalide : rechargez la page et recommencez.");
    if (!roles.includes(session.account.role)) throw new ForbiddenError(roleMessage(roles, session.account));
    sessions.set(request, session);
  };
}

function roleMessage(roles: readonly Role[], account: Account): string {
  if (roles.length === 1 && roles[0] === "departemental") return "Espace réservé aux services départementaux de rappel.";
  if (account.role === "departemental") return "Votre compte sert aux demandes de rappel de votre département : il n'a pas accès au reste du pilotage.";
  if (roles.length === 1 && roles[0] === "national") return "Action réservée à l'administration nationale.";
  return "Votre compte est en lecture seule : cette action est réservée aux agents régionaux et à l'administration nationale.";
}
