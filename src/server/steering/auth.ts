import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import { ForbiddenError, UnauthenticatedError } from "../../domain/errors.js";
import { ACCOUNT_COLUMNS, publicAccount, STEERING_ROLES, type Account, type AccountRow, type Role } from "./accounts.js";
import type { SteeringContext } from "./context.js";

/**
 * Sessions, cookies and CSRF for the steering side.
 *
 * - A session token is 32 random bytes (256 bits), base64url, sent only in an HttpOnly cookie; the database
 *   keeps its SHA-256 (hex), never the token. Cookie: `__Host-mj_pilotage` with `Secure` when the request
 *   came over HTTPS (directly or through a proxy setting X-Forwarded-Proto), else `mj_pilotage`; always
 *   `HttpOnly; SameSite=Strict; Path=/` and no Domain.
 * - A session ends after the idle timeout without a request, and in any case at its absolute expiry.
 * - CSRF: each session has a random synchronizer token, given to the page at login and by
 *   GET /pilotage/session; every state-changing request (POST, PUT, PATCH, DELETE) must send it in the
 *   `x-csrf-token` header (compared in constant time). In addition, a state-changing request whose Origin
 *   (or Sec-Fetch-Site) says it comes from another site is refused, login included.
 */

export interface Session {
  account: Account;
  tokenHash: string;
  csrfToken: string;
}

const sessions = new WeakMap<FastifyRequest, Session>();

/** The session a guarded route runs with. */
export function sessionOf(request: FastifyRequest): Session {
  const session = sessions.get(request);
  if (!session) throw new Error("route without guard");
  return session;
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function isHttps(request: FastifyRequest): boolean {
  return request.protocol === "https";
}

export function cookieName(request: FastifyRequest): string {
  return isHttps(request) ? "__Host-mj_pilotage" : "mj_pilotage";
}

/** Reads one cookie from the Cookie header (RFC 6265 syntax; the token is base64url, no decoding needed). */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  const secure = isHttps(request) ? "; Secure" : "";
  reply.header("set-cookie", `${cookieName(request)}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(maxAgeSeconds)}${secure}`);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = isHttps(request) ? "; Secure" : "";
  reply.header("set-cookie", `${cookieName(request)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`);
}

export async function createSession(ctx: SteeringContext, accountId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const now = ctx.now();
  await ctx.db.query(
    "INSERT INTO steering_session (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)",
    [sha256Hex(token), accountId, csrfToken, now.toISOString(), new Date(now.getTime() + ctx.sessionMaxMs).toISOString()],
  );
  return { token, csrfToken };
}

type Loaded = { status: "ok"; session: Session } | { status: "none" } | { status: "expired" };

/** The session of the request's cookie, or why there is none. Touches last_seen_at at most once a minute. */
export async function loadSession(ctx: SteeringContext, request: FastifyRequest): Promise<Loaded> {
  const token = readCookie(request, cookieName(request));
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: "none" };
  const tokenHash = sha256Hex(token);
  const [row] = await ctx.db.query<AccountRow & { csrfToken: string; lastSeenAt: string | Date; expiresAt: string | Date }>(
    `SELECT ${ACCOUNT_COLUMNS}, s.csrf_token AS "csrfToken", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt"
     FROM steering_session s JOIN steering_account a ON a.id = s.account_id WHERE s.token_hash = $1`,
    [tokenHash],
  );
  if (!row) return { status: "none" };
  const now = ctx.now().getTime();
  const lastSeen = new Date(row.lastSeenAt).getTime();
  if (!row.active || new Date(row.expiresAt).getTime() <= now || lastSeen + ctx.sessionIdleMs <= now) {
    await ctx.db.query("DELETE FROM steering_session WHERE token_hash = $1", [tokenHash]);
    return { status: "expired" };
  }
  if (now - lastSeen > 60_000)
    await ctx.db.query("UPDATE steering_session SET last_seen_at = $2 WHERE token_hash = $1", [tokenHash, new Date(now).toISOString()]);
  return { status: "ok", session: { account: publicAccount(row), tokenHash, csrfToken: row.csrfToken } };
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
    const loaded = await loadSession(ctx, request);
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

// ---------------------------------------------------------------------------------------------------------
// Login throttling: per account and per client address, in the database (shared by all server copies).

export const accountKey = (emailKeyValue: string) => `compte:${emailKeyValue}`;
/** The address is not stored: only a hash, enough to count failures. */
export const ipKey = (ip: string) => `ip:${sha256Hex(`mille-jours:${ip}`).slice(0, 32)}`;

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt on a key BEFORE the password is checked, in one atomic statement (a row-locking upsert
 * on PostgreSQL, a single connection on PGlite): of N simultaneous attempts on a key that has `max - k`
 * left, exactly `max - k` go on to the (slow) password hash, the others are refused at once. The count is
 * reset when its window (the lock length) is over and the key is not locked; the `max`-th attempt locks the
 * key for the lock length (a success then clears or refunds it, see below). Attempts refused while locked
 * are counted but do not extend the lock.
 */
export async function reserveAttempt(ctx: SteeringContext, key: string, max: number): Promise<Reservation> {
  const now = ctx.now();
  const windowStart = new Date(now.getTime() - ctx.lockMs).toISOString();
  const until = new Date(now.getTime() + ctx.lockMs).toISOString();
  const [row] = await ctx.db.query<{ failures: number; lockedUntil: string | Date | null }>(
    `INSERT INTO steering_login_throttle AS t (key, failures, window_start, locked_until)
     VALUES ($1, 1, $2, CASE WHEN $5::int <= 1 THEN $4::timestamptz END)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.window_start < $3::timestamptz AND (t.locked_until IS NULL OR t.locked_until <= $2::timestamptz) THEN 1 ELSE t.failures + 1 END,
       window_start = CASE WHEN t.window_start < $3::timestamptz AND (t.locked_until IS NULL OR t.locked_until <= $2::timestamptz) THEN $2::timestamptz ELSE t.window_start END,
       locked_until = CASE
         WHEN t.window_start < $3::timestamptz AND (t.locked_until IS NULL OR t.locked_until <= $2::timestamptz) THEN CASE WHEN $5::int <= 1 THEN $4::timestamptz END
         WHEN t.locked_until > $2::timestamptz THEN t.locked_until
         WHEN t.failures + 1 >= $5::int THEN $4::timestamptz
         ELSE t.locked_until END
     RETURNING failures, locked_until AS "lockedUntil"`,
    [key, now.toISOString(), windowStart, until, max],
  );
  if (row!.failures <= max) return { allowed: true };
  const end = row!.lockedUntil ? new Date(row!.lockedUntil).getTime() : now.getTime() + ctx.lockMs;
  return { allowed: false, retryAfterSeconds: Math.max(60, Math.ceil((end - now.getTime()) / 60_000) * 60) };
}

/** After a right password: the attempt reserved on this key is given back (a success is not a failure). */
export async function refundAttempt(ctx: SteeringContext, key: string, max: number): Promise<void> {
  await ctx.db.query(
    `UPDATE steering_login_throttle SET failures = GREATEST(failures - 1, 0),
       locked_until = CASE WHEN failures - 1 < $2::int THEN NULL ELSE locked_until END
     WHERE key = $1`,
    [key, max],
  );
}

export async function clearFailures(ctx: SteeringContext, key: string): Promise<void> {
  await ctx.db.query("DELETE FROM steering_login_throttle WHERE key = $1", [key]);
}
