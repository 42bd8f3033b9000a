import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { accountsContract, accountSchema, noContentSchema, sessionSchema } from "../../domain/api/steering.js";
import { ForbiddenError, NotFoundError, TooManyRequestsError, UnauthenticatedError, UnprocessableError } from "../../domain/errors.js";
import { problemSchema } from "../problem.js";
import {
  checkNewAccount,
  emailKey,
  findAccountByEmail,
  findAccountById,
  insertAccount,
  listAccounts,
  publicAccount,
  resetPassword,
  ROLES,
} from "./accounts.js";
import {
  accountKey,
  clearFailures,
  clearSessionCookie,
  createSession,
  crossSiteProblem,
  guard,
  ipKey,
  loadSession,
  refundAttempt,
  reserveAttempt,
  sessionOf,
  setSessionCookie,
} from "./auth.js";
import type { SteeringContext } from "./context.js";
import { checkNewPassword, dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password.js";
import { writeAudit } from "./audit.js";

/** 429 with Retry-After, in whole minutes. */
function tooManyAttempts(retryAfterSeconds: number, what: string): TooManyRequestsError {
  const minutes = Math.max(1, Math.round(retryAfterSeconds / 60));
  return new TooManyRequestsError(`${what} : réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`, minutes * 60, { title: "Trop de tentatives" });
}

/** Login, current session, logout, logout everywhere, password change, and accounts (national only). */
export function sessionRoutes(ctx: SteeringContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pilotage : comptes"];

    app.post(
      "/pilotage/session",
      {
        schema: {
          summary: "Connexion (adresse électronique et mot de passe) : pose le cookie de session",
          tags,
          body: accountsContract["POST /pilotage/session"].body,
          response: { 200: sessionSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const crossSite = crossSiteProblem(request);
        if (crossSite) throw new ForbiddenError(crossSite);
        const { email, password } = request.body;
        const keys = { account: accountKey(emailKey(email)), ip: ipKey(request.ip) };
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
        if (needsRehash(account.passwordHash, ctx.scrypt))
          await ctx.db.query("UPDATE steering_account SET password_hash = $2 WHERE id = $1", [account.id, await hashPassword(password, ctx.scrypt)]);
        const { token, csrfToken } = await createSession(ctx, account.id);
        setSessionCookie(request, reply, token, ctx.sessionMaxMs / 1000);
        reply.header("cache-control", "no-store");
        return { account: publicAccount(account), csrfToken };
      },
    );

    app.get(
      "/pilotage/session",
      { schema: { summary: "La session en cours : compte et jeton CSRF", tags, response: { 200: sessionSchema, 401: problemSchema } } },
      async (request, reply) => {
        const loaded = await loadSession(ctx, request);
        reply.header("cache-control", "no-store");
        if (loaded.status !== "ok") {
          if (loaded.status === "expired") clearSessionCookie(request, reply);
          throw new UnauthenticatedError(loaded.status === "expired" ? "Votre session a expiré : reconnectez-vous." : "Aucune session ouverte.");
        }
        return { account: loaded.session.account, csrfToken: loaded.session.csrfToken };
      },
    );

    app.delete(
      "/pilotage/session",
      { schema: { summary: "Déconnexion de cette session", tags, response: { 204: noContentSchema } }, onRequest: guard(ctx, ROLES) },
      async (request, reply) => {
        await ctx.db.query("DELETE FROM steering_session WHERE token_hash = $1", [sessionOf(request).tokenHash]);
        clearSessionCookie(request, reply);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      "/pilotage/sessions",
      {
        schema: { summary: "Déconnexion partout : ferme toutes les sessions du compte", tags, response: { 204: noContentSchema } },
        onRequest: guard(ctx, ROLES),
      },
      async (request, reply) => {
        await ctx.db.query("DELETE FROM steering_session WHERE account_id = $1", [sessionOf(request).account.id]);
        clearSessionCookie(request, reply);
        return reply.status(204).send(null);
      },
    );

    app.put(
      "/pilotage/session/mot-de-passe",
      {
        schema: {
          summary: "Changer son mot de passe (ferme les autres sessions)",
          tags,
          body: accountsContract["PUT /pilotage/session/mot-de-passe"].body,
          response: { 204: noContentSchema },
        },
        onRequest: guard(ctx, ROLES),
      },
      async (request, reply) => {
        const { account, tokenHash } = sessionOf(request);
        const row = (await findAccountById(ctx.db, account.id))!;
        // The same lock as the login: a stolen session cannot guess the current password without limit.
        const key = accountKey(emailKey(row.email));
        const reserved = await reserveAttempt(ctx, key, ctx.accountMaxFailures);
        if (!reserved.allowed) throw tooManyAttempts(reserved.retryAfterSeconds, "Trop de tentatives échouées sur ce compte");
        if (!(await verifyPassword(request.body.current, row.passwordHash)))
          throw UnprocessableError.forFields([{ field: "current", message: "Le mot de passe actuel est incorrect." }]);
        await clearFailures(ctx, key);
        const weak = checkNewPassword(request.body.next, row.email);
        if (weak) throw UnprocessableError.forFields([{ field: "next", message: weak }]);
        await ctx.db.query("UPDATE steering_account SET password_hash = $2, password_changed_at = $3 WHERE id = $1", [
          account.id,
          await hashPassword(request.body.next, ctx.scrypt),
          ctx.now().toISOString(),
        ]);
        await ctx.db.query("DELETE FROM steering_session WHERE account_id = $1 AND token_hash <> $2", [account.id, tokenHash]);
        return reply.status(204).send(null);
      },
    );

    // Accounts: national administrators only.
    app.get(
      "/pilotage/comptes",
      {
        schema: { summary: "Les comptes (administration nationale)", tags, response: { 200: accountsContract["GET /pilotage/comptes"].response } },
        onRequest: guard(ctx, ["national"]),
      },
      async () => listAccounts(ctx.db),
    );

    app.post(
      "/pilotage/comptes",
      {
        schema: {
          summary: "Créer un compte (administration nationale)",
          tags,
          body: accountsContract["POST /pilotage/comptes"].body,
          response: { 201: accountSchema, 409: problemSchema, 422: problemSchema },
        },
        onRequest: guard(ctx, ["national"]),
      },
      async (request, reply) => {
        const checked = checkNewAccount(request.body);
        if (!checked.ok) throw UnprocessableError.forFields(checked.errors, "Compte invalide");
        // A taken e-mail is refused by the store (AccountExistsError, 409 « Compte existant »).
        const created = await insertAccount(ctx.db, checked.account, ctx.now(), ctx.scrypt);
        await writeAudit(ctx.db, { at: ctx.now(), actor: sessionOf(request).account, action: "compte.creation", after: created });
        return reply.status(201).send(created);
      },
    );

    app.patch(
      "/pilotage/comptes/:id",
      {
        schema: {
          summary: "Activer ou désactiver un compte, ou lui donner un nouveau mot de passe (administration nationale)",
          tags,
          params: accountsContract["PATCH /pilotage/comptes/:id"].params,
          body: accountsContract["PATCH /pilotage/comptes/:id"].body,
          response: { 200: accountSchema },
        },
        onRequest: guard(ctx, ["national"]),
      },
      async (request) => {
        const me = sessionOf(request).account;
        const target = await findAccountById(ctx.db, request.params.id);
        if (!target) throw new NotFoundError("Aucun compte ne porte cet identifiant.");
        if (target.id === me.id && request.body.active === false) throw new ForbiddenError("Vous ne pouvez pas désactiver votre propre compte.");
        if (request.body.password !== undefined) {
          const weak = checkNewPassword(request.body.password, target.email);
          if (weak) throw UnprocessableError.forFields([{ field: "password", message: weak }]);
          await resetPassword(ctx.db, target.id, request.body.password, ctx.now(), ctx.scrypt);
        }
        if (request.body.active !== undefined) {
          await ctx.db.query("UPDATE steering_account SET active = $2 WHERE id = $1", [target.id, request.body.active]);
          if (!request.body.active) await ctx.db.query("DELETE FROM steering_session WHERE account_id = $1", [target.id]);
        }
        const after = publicAccount((await findAccountById(ctx.db, target.id))!);
        await writeAudit(ctx.db, {
          at: ctx.now(),
          actor: me,
          action: request.body.password !== undefined ? "compte.mot-de-passe" : "compte.modification",
          before: publicAccount(target),
          after,
        });
        return after;
      },
    );
  };
}
