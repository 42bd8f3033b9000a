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
import { departementOfCommune } from "../../domain/geo/insee.js";
import { departementTrend, gapsToTarget } from "../../domain/steering/barometer.js";
import { findDepartement } from "../../domain/steering/territories.js";
import { ConflictError, InvalidInputError, NotFoundError, TooManyRequestsError, UnavailableError } from "../../domain/errors.js";
import { PARENT_MESSAGES } from "../../domain/parent-messages.js";
import { problemSchema } from "../problem.js";
import { guard, sessionOf } from "../steering/auth.js";
import { readAll } from "../steering/barometer/index.js";
import type { SteeringContext } from "../steering/context.js";
import { writeAudit } from "../steering/audit.js";
import { communeName } from "../places/store.js";
import type { CallbackContext } from "./context.js";
import { keyedHash } from "./crypto.js";
import {
  auditCallback,
  cancelRequest,
  changeStatus,
  findService,
  hitRate,
  insertRequest,
  listRequests,
  listServices,
  publicService,
  readRequest,
  upsertService,
} from "./store.js";

/** Largest accepted body of a request (the biggest valid one is under 1 KB). */
export const REQUEST_BODY_LIMIT = 4 * 1024;

/** Without keys, call-backs are off: for a parent it is the same as « no service » (coverage says not covered). */
const closedToParents = () =>
  new ConflictError(
    "Les demandes de rappel ne sont pas ouvertes sur ce serveur. En cas d'urgence, appelez le 3114 (prévention du suicide, 24 h/24), le 15 ou le 112.",
    {
      title: "Pas de service de rappel",
    },
  );
/** …and for a département's service, a fault of the server's set-up. */
const notConfigured = () =>
  new UnavailableError("Les demandes de rappel ne sont pas configurées sur ce serveur (clés de chiffrement absentes) : prévenez l'exploitant du service.", {
    title: "Service indisponible",
  });

const requestGone = () => new NotFoundError("Aucune demande de votre département ne porte cet identifiant (elle a pu être annulée ou supprimée).");

/**
 * Call-back requests (issue 17, docs/rappel.md): the public endpoints for parents, the inbox of a
 * département's service, and the services table of the national administration. Contract:
 * src/domain/callback/contract.ts.
 */
export function callbackRoutes(
  steering: SteeringContext,
  ctx: CallbackContext,
  pending: Set<Promise<unknown>>,
  log: () => FastifyBaseLogger,
): FastifyPluginAsyncZod {
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
        const { departement } = request.query;
        reply.header("cache-control", "no-cache");
        const service = ctx.keyring && findDepartement(departement) ? await findService(steering.db, departement) : undefined;
        const covered = Boolean(service?.enabled);
        return { departement, covered, service: covered && service ? publicService(service) : null, retention: ctx.retention };
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
        const keyring = ctx.keyring;
        if (!keyring) throw closedToParents();
        const body = request.body;
        if (body.siteWeb)
          throw new InvalidInputError("La demande n'a pas pu être acceptée. Si vous êtes une personne, rechargez la page et recommencez.", {
            title: "Demande refusée",
          });
        const now = steering.now();
        // Per client address (request.ip: X-Forwarded-For only from TRUST_PROXY relays), counted on every valid attempt.
        const byAddress = await hitRate(steering.db, keyedHash(keyring, "ip", request.ip), ctx.ipMax, ctx.ipWindowMs, now);
        if (!byAddress.allowed)
          throw new TooManyRequestsError(
            "Trop de demandes envoyées depuis cette connexion : réessayez plus tard. En cas d'urgence, appelez le 3114, le 15 ou le 112.",
            byAddress.retryAfterSeconds,
          );
        const departement = departementOfCommune(body.commune);
        const service = findDepartement(departement) ? await findService(steering.db, departement) : undefined;
        if (!service?.enabled)
          throw new ConflictError(
            `Aucun service ne rappelle encore les parents dans ce département (${departement}). Vous pouvez appeler le 3114 (24 h/24), votre PMI, votre sage-femme ou votre médecin.`,
            { title: "Pas de service de rappel" },
          );
        const commune = await communeName(steering.db, body.commune);
        if (commune.known && commune.name === null)
          throw new InvalidInputError(`Commune « ${body.commune} » inconnue : choisissez-la dans la liste.`, {
            errors: [{ field: "commune", message: PARENT_MESSAGES["callback.commune.unknown"] }],
          });
        const byPhone = await hitRate(steering.db, keyedHash(keyring, "tel", body.phone), ctx.phoneMax, ctx.phoneWindowMs, now);
        if (!byPhone.allowed)
          throw new TooManyRequestsError(
            "Une demande a déjà été envoyée pour ce numéro : le service vous rappellera. En cas d'urgence, appelez le 3114, le 15 ou le 112.",
            byPhone.retryAfterSeconds,
          );
        const created = await steering.db.transaction(async (tx) => {
          const ids = await insertRequest(tx, keyring, {
            request: body,
            departement,
            communeName: commune.name,
            now,
            maxRetentionMs: ctx.maxRetentionMs,
          });
          await auditCallback(tx, { at: now, actor: null, action: "rappel.creation", requestIds: [ids.id], departement });
          return ids;
        });
        if (ctx.notifier) {
          const sending = ctx.notifier.notifyNewRequest(service.email).then(
            () => log().info({ departement }, "avis de nouvelle demande de rappel envoyé"),
            (error: unknown) =>
              log().error({ departement, err: error instanceof Error ? error.message : String(error) }, "avis de nouvelle demande de rappel non envoyé"),
          );
          pending.add(sending);
          void sending.finally(() => pending.delete(sending));
        }
        reply.header("cache-control", "no-store");
        return reply.status(201).send({
          id: created.id,
          cancelToken: created.cancelToken,
          service: publicService(service),
          expectedBy: new Date(now.getTime() + service.responseDelayHours * 3_600_000).toISOString(),
        });
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
        const cancelled = typeof token === "string" ? await cancelRequest(steering.db, request.params.id, token) : null;
        if (!cancelled) throw new NotFoundError("Aucune demande en cours ne correspond : elle a peut-être déjà été annulée ou traitée, puis supprimée.");
        await auditCallback(steering.db, {
          at: steering.now(),
          actor: null,
          action: "rappel.annulation",
          requestIds: [request.params.id],
          departement: cancelled.departement,
        });
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
        if (!ctx.keyring) throw notConfigured();
        const { account } = sessionOf(request);
        const departement = account.departement!;
        const { items, unreadable } = await listRequests(steering.db, ctx.keyring, account, departement, steering.now());
        if (unreadable > 0) request.log.error({ departement, unreadable }, "demandes de rappel illisibles : clé absente de CALLBACK_KEYS ?");
        const service = await findService(steering.db, departement);
        return { departement, service: service ? { ...publicService(service), enabled: service.enabled } : null, items, unreadable };
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
      async (request) => {
        const departement = sessionOf(request).account.departement!;
        const { indicator } = request.query;
        const { observations, targets, datasets } = await readAll(steering.db);
        const points = departementTrend(observations, indicator, departement).map((p) => {
          const gap = gapsToTarget(observations, indicator, p.year, targets).find((g) => g.departement === departement);
          return { ...p, targetPercent: gap?.targetPercent ?? null, targetSource: gap?.targetSource ?? null, gapPoints: gap?.gapPoints ?? null };
        });
        return { departement, nom: findDepartement(departement)?.nom ?? departement, indicator, points, fictitious: datasets.some((d) => d.fictitious) };
      },
    );

    app.get(
      "/pilotage/rappels/:id",
      {
        schema: { summary: "Une demande de rappel du département du compte", tags, params: callbackIdParamsSchema, response: { 200: callbackRequestSchema } },
        onRequest: departemental,
      },
      async (request) => {
        if (!ctx.keyring) throw notConfigured();
        const found = await readRequest(steering.db, ctx.keyring, sessionOf(request).account, request.params.id, steering.now());
        if (!found) throw requestGone();
        return found;
      },
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
      async (request) => {
        const keyring = ctx.keyring;
        if (!keyring) throw notConfigured();
        // A request already closed is refused by the store (ConflictError « Demande clôturée »).
        const updated = await steering.db.transaction((tx) =>
          changeStatus(tx, { ...ctx, keyring }, sessionOf(request).account, request.params.id, request.body, steering.now()),
        );
        if (!updated) throw requestGone();
        return updated;
      },
    );

    // --- Back office: the services table (national administration) ------------------------------------------

    const national = guard(steering, ["national"]);

    app.get(
      "/pilotage/services-rappel",
      {
        schema: { summary: "Les services qui rappellent les parents, par département (administration nationale)", tags, response: { 200: servicesListSchema } },
        onRequest: national,
      },
      async () => ({ items: await listServices(steering.db) }),
    );

    app.get(
      "/pilotage/services-rappel/:departement",
      {
        schema: { summary: "Le service de rappel d'un département", tags, params: departementParamsSchema, response: { 200: callbackServiceSchema } },
        onRequest: national,
      },
      async (request) => {
        const service = await findService(steering.db, request.params.departement);
        if (!service) throw new NotFoundError(`Aucun service de rappel n'est enregistré pour le département ${request.params.departement}.`);
        return service;
      },
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
      async (request) => {
        const { departement } = request.params;
        if (!findDepartement(departement)) throw new NotFoundError(`Département « ${departement} » inconnu.`);
        const { account } = sessionOf(request);
        const now = steering.now();
        return steering.db.transaction(async (tx) => {
          const before = await findService(tx, departement);
          const after = await upsertService(tx, departement, request.body, account, now);
          await writeAudit(tx, { at: now, actor: account, action: "rappel.service", before: before ?? null, after });
          return after;
        });
      },
    );
  };
}
