import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { CallbackRequestView, CallbackServiceInput, StatusChange } from "../../domain/callback/contract.js";
import { changedDetails, deleteByWhenClosed, deleteByWhenSent, ensureNotClosed, newRequestDetails, type NewRequest } from "../../domain/callback/lifecycle.js";
import { departementOfCommune } from "../../domain/geo/insee.js";
import { departementTrend, gapsToTarget, type Indicator } from "../../domain/steering/barometer.js";
import { findDepartement } from "../../domain/steering/territories.js";
import { ConflictError, InvalidInputError, NotFoundError, TooManyRequestsError, UnavailableError } from "../../domain/errors.js";
import { PARENT_MESSAGES } from "../../domain/parent-messages.js";
import type { Queryable } from "../db/database.js";
import { communeName } from "../places/store.js";
import { isSecretToken, newSecretToken, sha256Hex } from "../secret-token.js";
import type { Account } from "../../domain/api/steering.js";
import { writeAudit } from "../steering/audit.js";
import { readAll } from "../steering/barometer/index.js";
import type { SteeringContext } from "../steering/context.js";
import type { CallbackContext } from "./context.js";
import { keyedHash, type Keyring } from "./crypto.js";
import { openDetails, sealDetails } from "./sealing.js";
import {
  auditCallback,
  deleteRequestWithToken,
  eventsOf,
  findService,
  hitRate,
  insertEvent,
  insertRequest,
  listServices,
  publicService,
  selectRequest,
  selectRequests,
  updateRequest,
  upsertService,
} from "./store.js";
import { requestView } from "./view.js";

/**
 * The use cases of call-back requests (issue 17, docs/rappel.md): a parent's coverage question, request and
 * cancellation; the inbox, request page, status changes and barometer of a département's service; the services
 * table of the national administration. The rules of a request's life are in src/domain/callback/lifecycle.ts;
 * refusals are typed errors (src/domain/errors.ts); ./sealing.ts seals what the person gave, ./store.ts runs the SQL,
 * ./routes.ts does HTTP.
 */

/** What the use cases run with: the steering side's database and clock (the accounts are its own), and the call-back settings. */
export type CallbackUseCaseContext = CallbackContext & Pick<SteeringContext, "db" | "now">;

/** Where the e-mail notices still being sent are kept (awaited when the app closes), and the log they report to. */
export interface Notices {
  pending: Set<Promise<unknown>>;
  log: () => Pick<FastifyBaseLogger, "info" | "error">;
}

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

/** The keys a département's service needs to read its requests (503 without them). */
function serviceKeyring(ctx: CallbackUseCaseContext): Keyring {
  if (!ctx.keyring) throw notConfigured();
  return ctx.keyring;
}

// --- Parents -----------------------------------------------------------------------------------------------

/** Whether a service calls back the parents of a département, with its name, hours and delay, and the retention delays. */
export async function coverage(ctx: CallbackUseCaseContext, departement: string) {
  const service = ctx.keyring && findDepartement(departement) ? await findService(ctx.db, departement) : undefined;
  const covered = Boolean(service?.enabled);
  return { departement, covered, service: covered && service ? publicService(service) : null, retention: ctx.retention };
}

/**
 * A parent's request: refused to robots (the hidden field), over the rate limits (per client address `ip`, then per
 * phone number), where no service calls back, or for an unknown commune; stored sealed with its audit entry, and the
 * service's mailbox notified in the background. Answers the id and cancel token, the service and when to expect the call.
 */
export async function submitRequest(ctx: CallbackUseCaseContext, body: NewRequest, ip: string, notices: Notices) {
  const keyring = ctx.keyring;
  if (!keyring) throw closedToParents();
  if (body.siteWeb)
    throw new InvalidInputError("La demande n'a pas pu être acceptée. Si vous êtes une personne, rechargez la page et recommencez.", {
      title: "Demande refusée",
    });
  const now = ctx.now();
  // Per client address (request.ip: X-Forwarded-For only from TRUST_PROXY relays), counted on every valid attempt.
  const byAddress = await hitRate(ctx.db, keyedHash(keyring, "ip", ip), ctx.ipMax, ctx.ipWindowMs, now);
  if (!byAddress.allowed)
    throw new TooManyRequestsError(
      "Trop de demandes envoyées depuis cette connexion : réessayez plus tard. En cas d'urgence, appelez le 3114, le 15 ou le 112.",
      byAddress.retryAfterSeconds,
    );
  const departement = departementOfCommune(body.commune);
  const service = findDepartement(departement) ? await findService(ctx.db, departement) : undefined;
  if (!service?.enabled)
    throw new ConflictError(
      `Aucun service ne rappelle encore les parents dans ce département (${departement}). Vous pouvez appeler le 3114 (24 h/24), votre PMI, votre sage-femme ou votre médecin.`,
      { title: "Pas de service de rappel" },
    );
  const commune = await communeName(ctx.db, body.commune);
  if (commune.known && commune.name === null)
    throw new InvalidInputError(`Commune « ${body.commune} » inconnue : choisissez-la dans la liste.`, {
      errors: [{ field: "commune", message: PARENT_MESSAGES["callback.commune.unknown"] }],
    });
  const byPhone = await hitRate(ctx.db, keyedHash(keyring, "tel", body.phone), ctx.phoneMax, ctx.phoneWindowMs, now);
  if (!byPhone.allowed)
    throw new TooManyRequestsError(
      "Une demande a déjà été envoyée pour ce numéro : le service vous rappellera. En cas d'urgence, appelez le 3114, le 15 ou le 112.",
      byPhone.retryAfterSeconds,
    );
  const created = await ctx.db.transaction(async (tx) => {
    // The cancel token goes to the parent's device; only its hash is kept.
    const id = randomUUID();
    const cancelToken = newSecretToken();
    const { keyId, sealed } = sealDetails(keyring, id, departement, newRequestDetails(body, commune.name));
    const deleteAt = deleteByWhenSent(now, ctx.retention);
    await insertRequest(tx, { id, departement, keyId, sealed, cancelTokenHash: sha256Hex(cancelToken), createdAt: now, deleteAt });
    await auditCallback(tx, { at: now, actor: null, action: "rappel.creation", requestIds: [id], departement });
    return { id, cancelToken };
  });
  if (ctx.notifier) {
    const sending = ctx.notifier.notifyNewRequest(service.email).then(
      () => notices.log().info({ departement }, "avis de nouvelle demande de rappel envoyé"),
      (error: unknown) =>
        notices.log().error({ departement, err: error instanceof Error ? error.message : String(error) }, "avis de nouvelle demande de rappel non envoyé"),
    );
    notices.pending.add(sending);
    void sending.finally(() => notices.pending.delete(sending));
  }
  return {
    id: created.id,
    cancelToken: created.cancelToken,
    service: publicService(service),
    expectedBy: new Date(now.getTime() + service.responseDelayHours * 3_600_000).toISOString(),
  };
}

/** Cancels (deletes) a request with the cancel token kept on the parent's device; audited. */
export async function cancelOwnRequest(ctx: CallbackUseCaseContext, id: string, token: string | undefined): Promise<void> {
  const cancelled = token !== undefined && isSecretToken(token) ? await deleteRequestWithToken(ctx.db, id, sha256Hex(token)) : null;
  if (!cancelled) throw new NotFoundError("Aucune demande en cours ne correspond : elle a peut-être déjà été annulée ou traitée, puis supprimée.");
  await auditCallback(ctx.db, { at: ctx.now(), actor: null, action: "rappel.annulation", requestIds: [id], departement: cancelled.departement });
}

// --- A département's service ---------------------------------------------------------------------------------

/** The requests of the account's département, newest first (each read audited), its service, and how many could not be decrypted (key removed). */
export async function inbox(ctx: CallbackUseCaseContext, account: Account) {
  const keyring = serviceKeyring(ctx);
  const departement = account.departement!;
  const now = ctx.now();
  const rows = await selectRequests(ctx.db, departement);
  const events = await eventsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items: CallbackRequestView[] = [];
  let unreadable = 0;
  for (const row of rows) {
    try {
      items.push(requestView(row, openDetails(keyring, row), events));
    } catch {
      unreadable++;
    }
  }
  await auditCallback(ctx.db, { at: now, actor: account, action: "rappel.lecture", requestIds: items.map((i) => i.id), departement });
  const service = await findService(ctx.db, departement);
  return { departement, service: service ? { ...publicService(service), enabled: service.enabled } : null, items, unreadable };
}

/** One request of the account's département (404 for another département's: no existence leak); the read is audited and kept in its history. */
export async function readOneRequest(ctx: CallbackUseCaseContext, account: Account, id: string) {
  const keyring = serviceKeyring(ctx);
  const now = ctx.now();
  const row = await selectRequest(ctx.db, id, account.departement);
  if (!row) throw requestGone();
  await insertEvent(ctx.db, { requestId: id, at: now, account, action: "read" });
  await auditCallback(ctx.db, { at: now, actor: account, action: "rappel.lecture", requestIds: [id], departement: row.departement });
  return requestView(row, openDetails(keyring, row), await eventsOf(ctx.db, [id]));
}

/**
 * Marks a request of the account's département contacted or closed (a closed one is final: 409 « Demande clôturée »),
 * sealed again with the current key; closing sets its deletion date. Audited and kept in its history.
 */
export async function updateRequestStatus(ctx: CallbackUseCaseContext, account: Account, id: string, change: StatusChange) {
  const keyring = serviceKeyring(ctx);
  const now = ctx.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await selectRequest(tx, id, account.departement, true);
    if (!row) return undefined;
    ensureNotClosed(row.status);
    const details = changedDetails(openDetails(keyring, row), change);
    const { keyId, sealed } = sealDetails(keyring, row.id, row.departement, details);
    const closedAt = change.status === "closed" ? now : null;
    const deleteAt = closedAt ? deleteByWhenClosed(new Date(row.createdAt), closedAt, ctx.retention) : new Date(row.deleteAt);
    await updateRequest(tx, id, { status: change.status, keyId, sealed, closedAt, deleteAt });
    await insertEvent(tx, { requestId: id, at: now, account, action: change.status });
    await auditCallback(tx, {
      at: now,
      actor: account,
      action: `rappel.${change.status === "closed" ? "cloture" : "contact"}`,
      requestIds: [id],
      departement: row.departement,
      after: { status: change.status, outcome: change.outcome ?? null },
    });
    // What was just written, without reading the row back nor opening what was just sealed.
    return requestView({ ...row, status: change.status, keyId, payload: sealed, closedAt, deleteAt }, details, await eventsOf(tx, [id]));
  });
  if (!updated) throw requestGone();
  return updated;
}

/** The EPP or EPNP barometer of one département: its years, with the target and the gap to it. */
export async function departementBarometer(db: Queryable, departement: string, indicator: Indicator) {
  const { observations, targets, datasets } = await readAll(db);
  const points = departementTrend(observations, indicator, departement).map((p) => {
    const gap = gapsToTarget(observations, indicator, p.year, targets).find((g) => g.departement === departement);
    return { ...p, targetPercent: gap?.targetPercent ?? null, targetSource: gap?.targetSource ?? null, gapPoints: gap?.gapPoints ?? null };
  });
  return { departement, nom: findDepartement(departement)?.nom ?? departement, indicator, points, fictitious: datasets.some((d) => d.fictitious) };
}

// --- The services table (national administration) -------------------------------------------------------------

export async function servicesTable(db: Queryable) {
  return { items: await listServices(db) };
}

export async function readService(db: Queryable, departement: string) {
  const service = await findService(db, departement);
  if (!service) throw new NotFoundError(`Aucun service de rappel n'est enregistré pour le département ${departement}.`);
  return service;
}

/** Records or changes a département's service (known départements only), with its audit entry. */
export async function saveService(ctx: Pick<SteeringContext, "db" | "now">, actor: Account, departement: string, input: CallbackServiceInput) {
  if (!findDepartement(departement)) throw new NotFoundError(`Département « ${departement} » inconnu.`);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const before = await findService(tx, departement);
    const after = await upsertService(tx, departement, input, actor, now);
    await writeAudit(tx, { at: now, actor, action: "rappel.service", before: before ?? null, after });
    return after;
  });
}
