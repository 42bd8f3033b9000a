import type { z } from "zod";
import type { accountPatchSchema, loginBodySchema, passwordChangeSchema } from "../../../domain/api/steering.js";
import { ForbiddenError, NotFoundError, TooManyRequestsError, UnauthenticatedError, UnprocessableError } from "../../../domain/errors.js";
import { checkNewAccount, emailKey, findAccountByEmail, findAccountById, insertAccount, publicAccount, resetPassword, type Account } from "../accounts.js";
import { writeAudit } from "../audit.js";
import { accountKey, clearFailures, createSession, ipKey, refundAttempt, reserveAttempt, type Session } from "../auth.js";
import type { SteeringContext } from "../context.js";
import { checkNewPassword, dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "../password.js";
import { deleteAccountSessions, deleteSession, setAccountActive, setPasswordHash } from "./store.js";

/**
 * The use cases of the back office's sessions and accounts: login with its throttle, logout, password change,
 * and the national administration's account creation and changes (with their audit entries). Refusals are typed
 * errors (src/domain/errors.ts); cookies and headers are the routes' (./routes.ts).
 */

/** 429 with Retry-After, in whole minutes. */
function tooManyAttempts(retryAfterSeconds: number, what: string): TooManyRequestsError {
  const minutes = Math.max(1, Math.round(retryAfterSeconds / 60));
  return new TooManyRequestsError(`${what} : réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`, minutes * 60, { title: "Trop de tentatives" });
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
  const keys = { account: accountKey(emailKey(email)), ip: ipKey(ip) };
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
  await clearFailures(ctx, keys.account);
  await refundAttempt(ctx, keys.ip, ctx.ipMaxFailures);
  if (needsRehash(account.passwordHash, ctx.scrypt)) await setPasswordHash(ctx.db, account.id, await hashPassword(password, ctx.scrypt));
  const { token, csrfToken } = await createSession(ctx, account.id);
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
  const key = accountKey(emailKey(row.email));
  const reserved = await reserveAttempt(ctx, key, ctx.accountMaxFailures);
  if (!reserved.allowed) throw tooManyAttempts(reserved.retryAfterSeconds, "Trop de tentatives échouées sur ce compte");
  if (!(await verifyPassword(input.current, row.passwordHash)))
    throw UnprocessableError.forFields([{ field: "current", message: "Le mot de passe actuel est incorrect." }]);
  await clearFailures(ctx, key);
  const weak = checkNewPassword(input.next, row.email);
  if (weak) throw UnprocessableError.forFields([{ field: "next", message: weak }]);
  await setPasswordHash(ctx.db, account.id, await hashPassword(input.next, ctx.scrypt), ctx.now());
  await deleteAccountSessions(ctx.db, account.id, tokenHash);
}

/** Creates an account (national administration) and writes it in the audit journal. */
export async function createAccount(ctx: SteeringContext, actor: Account, input: unknown): Promise<Account> {
  const checked = checkNewAccount(input);
  if (!checked.ok) throw UnprocessableError.forFields(checked.errors, "Compte invalide");
  // A taken e-mail is refused by the store (AccountExistsError, 409 « Compte existant »).
  const created = await insertAccount(ctx.db, checked.account, ctx.now(), ctx.scrypt);
  await writeAudit(ctx.db, { at: ctx.now(), actor, action: "compte.creation", after: created });
  return created;
}

/**
 * Activates or deactivates an account, or gives it a new password (national administration); deactivating ends its
 * sessions, and nobody deactivates their own account. Written in the audit journal with the state before and after.
 */
export async function updateAccount(ctx: SteeringContext, actor: Account, id: string, change: z.output<typeof accountPatchSchema>): Promise<Account> {
  const target = await findAccountById(ctx.db, id);
  if (!target) throw new NotFoundError("Aucun compte ne porte cet identifiant.");
  if (target.id === actor.id && change.active === false) throw new ForbiddenError("Vous ne pouvez pas désactiver votre propre compte.");
  if (change.password !== undefined) {
    const weak = checkNewPassword(change.password, target.email);
    if (weak) throw UnprocessableError.forFields([{ field: "password", message: weak }]);
    await resetPassword(ctx.db, target.id, change.password, ctx.now(), ctx.scrypt);
  }
  if (change.active !== undefined) {
    await setAccountActive(ctx.db, target.id, change.active);
    if (!change.active) await deleteAccountSessions(ctx.db, target.id);
  }
  const after = publicAccount((await findAccountById(ctx.db, target.id))!);
  await writeAudit(ctx.db, {
    at: ctx.now(),
    actor,
    action: change.password !== undefined ? "compte.mot-de-passe" : "compte.modification",
    before: publicAccount(target),
    after,
  });
  return after;
}
