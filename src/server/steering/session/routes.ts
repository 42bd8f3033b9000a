import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { accountsContract, accountSchema, noContentSchema, sessionSchema } from "../../../domain/api/steering.js";
import { ForbiddenError, UnauthenticatedError } from "../../../domain/errors.js";
import { problemSchema } from "../../problem.js";
import { listAccounts, ROLES } from "../accounts.js";
import { clearSessionCookie, crossSiteProblem, guard, loadSession, sessionOf, setSessionCookie } from "../auth.js";
import type { SteeringContext } from "../context.js";
import { changePassword, createAccount, login, logout, logoutEverywhere, updateAccount } from "./service.js";

/** Login, current session, logout, logout everywhere, password change, and accounts (national only): HTTP only. */
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
        const { account, token, csrfToken } = await login(ctx, request.body, request.ip);
        setSessionCookie(request, reply, token, ctx.sessionMaxMs / 1000);
        reply.header("cache-control", "no-store");
        return { account, csrfToken };
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
        await logout(ctx, sessionOf(request));
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
        await logoutEverywhere(ctx, sessionOf(request));
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
        await changePassword(ctx, sessionOf(request), request.body);
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
      async (request, reply) => reply.status(201).send(await createAccount(ctx, sessionOf(request).account, request.body)),
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
      async (request) => updateAccount(ctx, sessionOf(request).account, request.params.id, request.body),
    );
  };
}
