import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { accountsContract, noContentSchema, ROLES, sessionSchema } from "../../../domain/api/steering.js";
import { ForbiddenError, UnauthenticatedError } from "../../../domain/errors.js";
import { problemSchema } from "../../problem.js";
import type { SteeringContext } from "../context.js";
import { clearSessionCookie, sessionToken, setSessionCookie } from "./cookie.js";
import { crossSiteProblem, guard, sessionOf } from "./guard.js";
import { changePassword, loadSession, login, logout, logoutEverywhere } from "./service.js";

/** Login, current session, logout, logout everywhere and password change: HTTP only. The accounts are ../accounts/routes.ts. */
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
        const loaded = await loadSession(ctx, sessionToken(request));
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
  };
}
