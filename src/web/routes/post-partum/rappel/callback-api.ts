import type { Coverage, CreatedCallback, NewCallbackRequest } from "../../../../domain/callback/contract.js";
import { CANCEL_TOKEN_HEADER } from "../../../../domain/callback/cancel-token.js";
import { callApi, type ApiResult } from "../../../api/client.js";
import type { FieldError } from "../../../../domain/profile/profile.js";
import { waitInWords } from "./format.js";
import { msg } from "@lingui/core/macro";
import { i18n } from "@lingui/core";

/**
 * The parent's side of the call-back API (shapes from the shared contract). Each refusal becomes a message in the
 * parent's language the page can show as it is (the server's French `detail` is not shown: the status says what
 * happened; refused fields keep the domain's French, that the page shows by their codes); nothing is retried or
 * queued: a request not sent is not sent.
 */
export type Refusal =
  | { kind: "offline"; message: string }
  | { kind: "no-service"; message: string }
  | { kind: "rate-limited"; message: string }
  | { kind: "invalid"; message: string; errors: FieldError[] }
  | { kind: "other"; message: string };

export type Answer<T> = { ok: true; data: T } | ({ ok: false } & Refusal);

const notAccepted = msg`La demande n'a pas pu être acceptée. Si vous êtes une personne, rechargez la page et recommencez.`;
const offlineNotSent = msg`Vous êtes hors ligne : votre demande n'a pas été envoyée, et elle ne partira pas toute seule. Ce que vous avez écrit reste dans le formulaire : renvoyez-la quand vous aurez du réseau.`;

/** A refused or unread answer of the client, as the message the page shows. */
function refusal(result: Extract<ApiResult<unknown>, { ok: false }>): Refusal {
  if (result.status === 0) return { kind: "offline", message: i18n._(offlineNotSent) };
  const status = result.status;
  switch (status) {
    case 409:
      return {
        kind: "no-service",
        message: i18n._(msg`Aucun service ne rappelle les parents dans ce département pour le moment : votre demande n'a pas été envoyée.`),
      };
    case 429: {
      const seconds = Number(result.headers?.get("retry-after"));
      const wait = Number.isFinite(seconds) && seconds > 0 ? waitInWords(seconds) : null;
      return {
        kind: "rate-limited",
        message: wait
          ? i18n._(
              msg`Trop de demandes ont été envoyées depuis cette connexion ou pour ce numéro : celle-ci n'a pas été envoyée. Réessayez dans ${wait}. Si vous avez besoin de parler à quelqu'un maintenant, les lignes ci-dessous répondent.`,
            )
          : i18n._(
              msg`Trop de demandes ont été envoyées depuis cette connexion ou pour ce numéro : celle-ci n'a pas été envoyée. Réessayez plus tard. Si vous avez besoin de parler à quelqu'un maintenant, les lignes ci-dessous répondent.`,
            ),
      };
    }
    case 400: {
      const errors = (result.fromServer ? (result.problem.errors ?? []) : []).map((e) => ({ field: e.field ?? "", message: e.message }));
      return {
        kind: "invalid",
        message: errors.length > 0 ? i18n._(msg`Certaines informations sont à corriger.`) : i18n._(notAccepted),
        errors,
      };
    }
    default:
      return { kind: "other", message: i18n._(msg`Le service n'a pas pu recevoir votre demande (erreur ${status}). Réessayez dans un moment.`) };
  }
}

/**
 * A schema of the contract, imported on the first answer it checks: the post-partum page shows the requests sent
 * (`SentRequest.tsx`, which cancels through this module), and the request's page its first step, without loading zod
 * and building the contract's schemas (issue 19).
 */
function contractSchema<K extends "coverageSchema" | "createdCallbackSchema" | "newCallbackRequestSchema">(name: K) {
  return () => import("../../../../domain/callback/contract.js").then((contract) => contract[name]);
}

/** Whether a service calls back in this département (asked only once the parent chose to ask for a call-back). */
export async function fetchCoverage(departement: string): Promise<Answer<Coverage>> {
  const answer = await callApi(
    "GET /rappel/couverture",
    { query: { departement } },
    { credentials: "omit", cache: "no-store", parse: contractSchema("coverageSchema") },
  );
  if (answer.ok) return { ok: true, data: answer.data };
  if (answer.status >= 200 && answer.status < 300)
    return { ok: false, kind: "other", message: i18n._(msg`La réponse du serveur n'a pas pu être lue. Réessayez dans un moment.`) };
  return { ok: false, ...refusal(answer) };
}

/**
 * Checks the form with the contract's schema before the recap: the request as it will be sent (name trimmed, phone
 * normalised), or its refused fields (the domain's French messages, by their codes). The schema's module is already
 * there: it checked the coverage answer that led to the form.
 */
export async function checkCallbackRequest(
  request: NewCallbackRequest,
): Promise<{ ok: true; request: NewCallbackRequest } | { ok: false; errors: FieldError[] } | ({ ok: false } & Refusal)> {
  const schema = await contractSchema("newCallbackRequestSchema")().catch(() => null);
  if (!schema) return { ok: false, kind: "other", message: i18n._(notAccepted) };
  const parsed = schema.safeParse(request);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ""), message: issue.message })) };
}

/** Sends the request the parent confirmed. */
export async function sendCallbackRequest(request: NewCallbackRequest): Promise<Answer<CreatedCallback>> {
  const answer = await callApi(
    "POST /rappel/demandes",
    { body: request },
    { credentials: "omit", cache: "no-store", parse: contractSchema("createdCallbackSchema") },
  );
  if (answer.ok) return { ok: true, data: answer.data };
  if (answer.status >= 200 && answer.status < 300)
    return {
      ok: false,
      kind: "other",
      message: i18n._(
        msg`Votre demande est peut-être partie, mais la réponse du serveur n'a pas pu être lue : appelez une ligne d'écoute si vous n'êtes pas rappelé(e).`,
      ),
    };
  return { ok: false, ...refusal(answer) };
}

/**
 * Withdraws a request with the token kept on this device. `gone` when the server no longer has it (already
 * handled and deleted, or cancelled): the server answers the same 404 for a wrong token, by design.
 */
export async function cancelCallbackRequest(id: string, cancelToken: string): Promise<{ ok: true; gone: boolean } | ({ ok: false } & Refusal)> {
  const answer = await callApi("DELETE /rappel/demandes/:id", { params: { id } }, { headers: { [CANCEL_TOKEN_HEADER]: cancelToken }, credentials: "omit" });
  if (answer.ok) return { ok: true, gone: false };
  const status = answer.status;
  if (status === 0)
    return {
      ok: false,
      kind: "offline",
      message: i18n._(msg`Vous êtes hors ligne : l'annulation n'a pas pu être envoyée. Réessayez quand vous aurez du réseau.`),
    };
  if (status === 404) return { ok: true, gone: true };
  if (status === 429) return { ok: false, kind: "rate-limited", message: i18n._(msg`Trop d'essais : réessayez dans quelques minutes.`) };
  return { ok: false, kind: "other", message: i18n._(msg`L'annulation n'a pas abouti (erreur ${status}). Réessayez dans un moment.`) };
}
