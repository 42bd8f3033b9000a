import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * The session cookie (HTTP side of the back office's sessions). `__Host-mj_pilotage` with `Secure` when the request
 * came over HTTPS (directly or through a proxy setting X-Forwarded-Proto), else `mj_pilotage`; always
 * `HttpOnly; SameSite=Strict; Path=/` and no Domain. It carries only the session token (./service.ts).
 */

function isHttps(request: FastifyRequest): boolean {
  return request.protocol === "https";
}

function cookieName(request: FastifyRequest): string {
  return isHttps(request) ? "__Host-mj_pilotage" : "mj_pilotage";
}

/** Reads one cookie from the Cookie header (RFC 6265 syntax; the token is base64url, no decoding needed). */
function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The session token the request's cookie carries, if any. */
export function sessionToken(request: FastifyRequest): string | undefined {
  return readCookie(request, cookieName(request));
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  const secure = isHttps(request) ? "; Secure" : "";
  reply.header("set-cookie", `${cookieName(request)}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(maxAgeSeconds)}${secure}`);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = isHttps(request) ? "; Secure" : "";
  reply.header("set-cookie", `${cookieName(request)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`);
}
