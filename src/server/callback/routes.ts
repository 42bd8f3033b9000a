import type { FastifyBaseLogger } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CANCEL_TOKEN_HEADER,
  callbackIdParamsSchema,
  callbackRequestSchema,
  callbackServiceInputSchema,
  callbackServiceSchema,
  coverageQuerySchema,
  coverageSchema,
  createdCallbackSchema,
  departementBarometerQuerySchema,
  departementBarometerSchema,
  departementParamsSchema,
  inboxSchema,
  newCallbackRequestSchema,
  servicesListSchema,
  statusChangeSchema,
} from "../../domain/callback/contract.js";
import { problemSchema } from "../problem.js";
import { guard, sessionOf } from "../steering/session/guard.js";
import type { SteeringContext } from "../steering/context.js";
import type { CallbackContext } from "./context.js";
import {
  cancelOwnRequest,
  coverage,
  departementBarometer,
  inbox,
  readOneRequest,
  readService,
  saveService,
  servicesTable,
  submitRequest,
  updateRequestStatus,
  type CallbackUseCaseContext,
} from "./service.js";

/** Largest accepted body of a request (the biggest valid one is under 1 KB). */
export const REQUEST_BODY_LIMIT = 4 * 1024;

/**
 * Call-back requests (issue 17, docs/rappel.md): the public endpoints for parents, the inbox of a
 * département's service, and the services table of the national administration. Contract:
 * src/domain/callback/contract.ts. HTTP only: the use cases are in ./service.ts.
 */
export function callbackRoutes(
  steering: SteeringContext,
  ctx: CallbackContext,
  pending: Set<Promise<unknown>>,
  log: () => FastifyBaseLogger,
): FastifyPluginAsyncZod {
  const useCases: CallbackUseCaseContext = { ...ctx, db: steering.db, now: steering.now };
  return async (app) => {
    const publicTags = ["rappel"];
    const tags = ["pilotage : rappels"];
    // Nothing here is kept by a browser or a shared cache (personal data, tokens), except the coverage answer.
    app.addHook("onSend", async (request, reply) => {
      if (!request.url.startsWith("/api/v1/rappel/couverture")) reply.header("cache-control", "no-store");
    });

    // --- Public ------------------------------------------------------------------------------------------

    app.get(
      "/rappel/couverture",
      {
        schema: {
          summary: "Un service rappelle-t-il les parents de ce département ? (nom, horaires, délai)",
          tags: publicTags,
          querystring: coverageQuerySchema,
          response: { 200: coverageSchema },
        },
      },
      async (request, reply) => {
        reply.header("cache-control", "no-cache");
        return coverage(useCases, request.query.departement);
      },
    );

    app.post(
      "/rappel/demandes",
      {
        schema: {
          summary: "Demander à être rappelé(e) par le service de son département (accord explicite, données minimales)",
          tags: publicTags,
          body: newCallbackRequestSchema,
          response: { 201: createdCallbackSchema, 400: problemSchema, 409: problemSchema, 413: problemSchema, 429: problemSchema },
        },
        bodyLimit: REQUEST_BODY_LIMIT,
      },
      async (request, reply) => {
        const created = await submitRequest(useCases, request.body, request.ip, { pending, log });
        reply.header("cache-control", "no-store");
        return reply.status(201).send(created);
      },
    );

    app.delete(
      "/rappel/demandes/:id",
      {
        schema: {
          summary: "Annuler sa demande avec le jeton gardé sur l'appareil (en-tête X-Cancel-Token) : elle est supprimée",
          tags: publicTags,
          params: callbackIdParamsSchema,
          response: { 204: z.null().describe("Demande annulée et supprimée"), 404: problemSchema },
        },
      },
      async (request, reply) => {
        const token = request.headers[CANCEL_TOKEN_HEADER];
        await cancelOwnRequest(useCases, request.params.id, typeof token === "string" ? token : undefined);
        return reply.status(204).send(null);
      },
    );

    // --- Back office: the département's service ------------------------------------------------------------

    const departemental = guard(steering, ["departemental"]);

    app.get(
      "/pilotage/rappels",
      {
        schema: { summary: "Demandes de rappel du département du compte (chaque lecture est journalisée)", tags, response: { 200: inboxSchema } },
        onRequest: departemental,
      },
      async (request) => {
        const answer = await inbox(useCases, sessionOf(request).account);
        const { departement, unreadable } = answer;
        if (unreadable > 0) request.log.error({ departement, unreadable }, "demandes de rappel illisibles : clé absente de CALLBACK_KEYS ?");
        return answer;
      },
    );

    app.get(
      "/pilotage/rappels/barometre",
      {
        schema: {
          summary: "Baromètre EPP/EPNP du département du compte (lecture seule)",
          tags,
          querystring: departementBarometerQuerySchema,
          response: { 200: departementBarometerSchema },
        },
        onRequest: departemental,
      },
      async (request) => departementBarometer(steering.db, sessionOf(request).account.departement!, request.query.indicator),
    );

    app.get(
      "/pilotage/rappels/:id",
      {
        schema: { summary: "Une demande de rappel du département du compte", tags, params: callbackIdParamsSchema, response: { 200: callbackRequestSchema } },
        onRequest: departemental,
      },
      async (request) => readOneRequest(useCases, sessionOf(request).account, request.params.id),
    );

    app.post(
      "/pilotage/rappels/:id/statut",
      {
        schema: {
          summary: "Marquer une demande contactée ou clôturée (avec son issue)",
          tags,
          params: callbackIdParamsSchema,
          body: statusChangeSchema,
          response: { 200: callbackRequestSchema },
        },
        onRequest: departemental,
      },
      async (request) => updateRequestStatus(useCases, sessionOf(request).account, request.params.id, request.body),
    );

    // --- Back office: the services table (national administration) ------------------------------------------

    const national = guard(steering, ["national"]);

    app.get(
      "/pilotage/services-rappel",
      {
        schema: { summary: "Les services qui rappellent les parents, par département (administration nationale)", tags, response: { 200: servicesListSchema } },
        onRequest: national,
      },
      async () => servicesTable(steering.db),
    );

    app.get(
      "/pilotage/services-rappel/:departement",
      {
        schema: { summary: "Le service de rappel d'un département", tags, params: departementParamsSchema, response: { 200: callbackServiceSchema } },
        onRequest: national,
      },
      async (request) => readService(steering.db, request.params.departement),
    );

    app.put(
      "/pilotage/services-rappel/:departement",
      {
        schema: {
          summary: "Enregistrer ou modifier le service de rappel d'un département",
          tags,
          params: departementParamsSchema,
          body: callbackServiceInputSchema,
          response: { 200: callbackServiceSchema },
        },
        onRequest: national,
      },
      async (request) => saveService(steering, sessionOf(request).account, request.params.departement, request.body),
    );
  };
}
