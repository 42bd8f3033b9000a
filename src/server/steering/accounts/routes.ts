import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { accountsContract, accountSchema } from "../../../domain/api/steering.js";
import { problemSchema } from "../../problem.js";
import type { SteeringContext } from "../context.js";
import { guard, sessionOf } from "../session/guard.js";
import { createAccount, updateAccount } from "./service.js";
import { listAccounts } from "./store.js";

/** The accounts (national administration only): list, creation, activation and new password. HTTP only. */
export function accountRoutes(ctx: SteeringContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pilotage : comptes"];

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
