import type { z } from "zod";
import type { Account, loginBodySchema, passwordChangeSchema } from "../../../domain/api/steering.js";
import { UnauthenticatedError, UnprocessableError } from "../../../domain/errors.js";
import { checkNewPassword } from "../../../domain/steering/accounts.js";
import { isSecretToken, newSecretToken, sha256Hex } from "../../secret-token.js";
import { findAccountByEmail, findAccountById, publicAccount, setPasswordHash } from "../accounts/store.js";
import type { SteeringContext } from "../context.js";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "../password.js";
import { deleteAccountSessions, deleteSession, findSession, insertSession, touchSession } from "./store.js";
import { accountKey, clearFailures, ipKey, refundAttempt, reserveAttempt, tooManyAttempts } from "./throttle.js";

/**
 * The use cases of the back office's sessions: login with its throttle (./throttle.ts), the session of a request,
 * logout, logout everywhere and password change. A session token is 32 random bytes (256 bits, base64url) that the
 * client keeps in its cookie (./cookie.ts); the database keeps its SHA-256, never the token. A session ends after
 * the idle timeout without a request, and in any case at its absolute expiry. Refusals are typed errors
 * (src/domain/errors.ts); cookies and headers are the routes' (./routes.ts, ./guard.ts). The accounts' own use
 * cases are in ../accounts/service.ts.
 */

export interface Session {
  account: Account;
  tokenHash: string;
  csrfToken: string;
}

/** Opens a session for an account: its token (for the cookie only) and its CSRF token. */
async function openSession(ctx: SteeringContext, accountId: string): Promise<{ token: string; csrfToken: string }> {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const now = ctx.now();
  await insertSession(ctx.db, { tokenHash: sha256Hex(token), accountId, csrfToken, createdAt: now, expiresAt: new Date(now.getTime() + ctx.sessionMaxMs) });
  return { token, csrfToken };
}

export type LoadedSession = { status: "ok"; session: Session } | { status: "none" } | { status: "expired" };

/** The session of a token (from the request's cookie), or why there is none. Touches last_seen_at at most once a minute. */
export async function loadSession(ctx: SteeringContext, token: string | undefined): Promise<LoadedSession> {
  if (!token || !isSecretToken(token)) return { status: "none" };
  const tokenHash = sha256Hex(token);
  const row = await findSession(ctx.db, tokenHash);
  if (!row) return { status: "none" };
  const now = ctx.now().getTime();
  const lastSeen = new Date(row.lastSeenAt).getTime();
  if (!row.active || new Date(row.expiresAt).getTime() <= now || lastSeen + ctx.sessionIdleMs <= now) {
    await deleteSession(ctx.db, tokenHash);
    return { status: "expired" };
  }
  if (now - lastSeen > 60_000) await touchSession(ctx.db, tokenHash, new Date(now));
  return { status: "ok", session: { account: publicAccount(row), tokenHash, csrfToken: row.csrfToken } };
}

/**
 * Checks an e-mail and password and opens a session: the new session's token (for the cookie), its CSRF token and
 * the account. Failures are counted per account and per client address (`ip`).
 */
export async function login(
  ctx: SteeringContext,
  credentials: z.output<typeof loginBodySchema>,
  ip: string,
): Promise<{ account: Account; token: string; csrfToken: string }> {
  const { email, password } = credentials;
  const keys = { account: accountKey(email), ip: ipKey(ip) };
  // The attempt is counted before the password hash, atomically: parallel guesses cannot all be checked.
  const reserved = await reserveAttempt(ctx, keys.ip, ctx.ipMaxFailures);
  const accountReserved = reserved.allowed ? await reserveAttempt(ctx, keys.account, ctx.accountMaxFailures) : reserved;
  if (!accountReserved.allowed) {
    if (reserved.allowed) await refundAttempt(ctx, keys.ip, ctx.ipMaxFailures);
    throw tooManyAttempts(accountReserved.retryAfterSeconds, "Trop de tentatives de connexion échouées");
  }
  const account = await findAccountByEmail(ctx.db, email);
  // Same work whether the account exists or not: no way to tell the two apart by timing.
  const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyPasswordHash(ctx.scrypt)));
  if (!account || !ok || !account.active)
    throw new UnauthenticatedError("Adresse électronique ou mot de passe incorrect, ou compte désactivé.", { title: "Connexion refusée" });
  await clearFailures(ctx.db, keys.account);
  await refundAttempt(ctx, keys.ip, ctx.ipMaxFailures);
  if (needsRehash(account.passwordHash, ctx.scrypt)) await setPasswordHash(ctx.db, account.id, await hashPassword(password, ctx.scrypt));
  const { token, csrfToken } = await openSession(ctx, account.id);
  return { account: publicAccount(account), token, csrfToken };
}

/** Ends this session. */
export async function logout(ctx: SteeringContext, session: Session): Promise<void> {
  await deleteSession(ctx.db, session.tokenHash);
}

/** Ends every session of the account, this one included. */
export async function logoutEverywhere(ctx: SteeringContext, session: Session): Promise<void> {
  await deleteAccountSessions(ctx.db, session.account.id);
}

/**
 * Changes the session's own password after checking the current one (through the account's login counter) and
 * the new one's strength; the account's other sessions end.
 */
export async function changePassword(ctx: SteeringContext, session: Session, input: z.output<typeof passwordChangeSchema>): Promise<void> {
  const { account, tokenHash } = session;
  const row = (await findAccountById(ctx.db, account.id))!;
  // The same lock as the login: a stolen session cannot guess the current password without limit.
  const key = accountKey(row.email);
  const reserved = await reserveAttempt(ctx, key, ctx.accountMaxFailures);
  if (!reserved.allowed) throw tooManyAttempts(reserved.retryAfterSeconds, "Trop de tentatives échouées sur ce compte");
  if (!(await verifyPassword(input.current, row.passwordHash)))
    throw UnprocessableError.forFields([{ field: "current", message: "Le mot de passe actuel est incorrect." }]);
  await clearFailures(ctx.db, key);
  const weak = checkNewPassword(input.next, row.email);
  if (weak) throw UnprocessableError.forFields([{ field: "next", message: weak }]);
  await setPasswordHash(ctx.db, account.id, await hashPassword(input.next, ctx.scrypt), ctx.now());
  await deleteAccountSessions(ctx.db, account.id, tokenHash);
}
