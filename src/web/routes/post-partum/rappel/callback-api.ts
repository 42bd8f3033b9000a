import {
  CANCEL_TOKEN_HEADER,
  coverageSchema,
  createdCallbackSchema,
  type Coverage,
  type CreatedCallback,
  type NewCallbackRequest,
} from "../../../../domain/callback/contract.js";
import { callApi, type ApiResult } from "../../../api/client.js";
import type { FieldError } from "../../../../domain/profile/profile.js";
import { waitInWords } from "./format.js";

/**
 * The parent's side of the call-back API (shapes from the shared contract). Each refusal becomes a French
 * message the page can show as it is; nothing is retried or queued: a request not sent is not sent.
 */
export type Refusal =
  | { kind: "offline"; message: string }
  | { kind: "no-service"; message: string }
  | { kind: "rate-limited"; message: string }
  | { kind: "invalid"; message: string; errors: FieldError[] }
  | { kind: "other"; message: string };

export type Answer<T> = { ok: true; data: T } | ({ ok: false } & Refusal);

export const OFFLINE_NOT_SENT =
  "Vous êtes hors ligne : votre demande n'a pas été envoyée, et elle ne partira pas toute seule. Ce que vous avez écrit reste dans le formulaire : renvoyez-la quand vous aurez du réseau.";

/** A refused or unread answer of the client, as the French message the page shows. */
function refusal(result: Extract<ApiResult<unknown>, { ok: false }>): Refusal {
  if (result.status === 0) return { kind: "offline", message: OFFLINE_NOT_SENT };
  const detail = result.fromServer ? result.problem.detail : undefined;
  switch (result.status) {
    case 409:
      return {
        kind: "no-service",
        message: detail ?? "Aucun service ne rappelle les parents dans ce département pour le moment : votre demande n'a pas été envoyée.",
      };
    case 429: {
      const seconds = Number(result.headers?.get("retry-after"));
      const wait = Number.isFinite(seconds) && seconds > 0 ? ` Réessayez dans ${waitInWords(seconds)}.` : " Réessayez plus tard.";
      return {
        kind: "rate-limited",
        message: `Trop de demandes ont été envoyées depuis cette connexion ou pour ce numéro : celle-ci n'a pas été envoyée.${wait} Si vous avez besoin de parler à quelqu'un maintenant, les lignes ci-dessous répondent.`,
      };
    }
    case 400:
      return {
        kind: "invalid",
        message: detail ?? "Certaines informations sont à corriger.",
        errors: (result.problem.errors ?? []).map((e) => ({ field: e.field ?? "", message: e.message })),
      };
    default:
      return { kind: "other", message: detail ?? `Le service n'a pas pu recevoir votre demande (erreur ${result.status}). Réessayez dans un moment.` };
  }
}

/** Whether a service calls back in this département (asked only once the parent chose to ask for a call-back). */
export async function fetchCoverage(departement: string): Promise<Answer<Coverage>> {
  const answer = await callApi("GET /rappel/couverture", { query: { departement } }, { credentials: "omit", cache: "no-store", parse: coverageSchema });
  if (answer.ok) return { ok: true, data: answer.data };
  if (answer.status >= 200 && answer.status < 300)
    return { ok: false, kind: "other", message: "La réponse du serveur n'a pas pu être lue. Réessayez dans un moment." };
  return { ok: false, ...refusal(answer) };
}

/** Sends the request the parent confirmed. */
export async function sendCallbackRequest(request: NewCallbackRequest): Promise<Answer<CreatedCallback>> {
  const answer = await callApi("POST /rappel/demandes", { body: request }, { credentials: "omit", cache: "no-store", parse: createdCallbackSchema });
  if (answer.ok) return { ok: true, data: answer.data };
  if (answer.status >= 200 && answer.status < 300)
    return {
      ok: false,
      kind: "other",
      message: "Votre demande est peut-être partie, mais la réponse du serveur n'a pas pu être lue : appelez une ligne d'écoute si vous n'êtes pas rappelé(e).",
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
  if (answer.status === 0)
    return { ok: false, kind: "offline", message: "Vous êtes hors ligne : l'annulation n'a pas pu être envoyée. Réessayez quand vous aurez du réseau." };
  if (answer.status === 404) return { ok: true, gone: true };
  if (answer.status === 429)
    return { ok: false, kind: "rate-limited", message: answer.fromServer ? answer.problem.detail : "Trop d'essais : réessayez dans quelques minutes." };
  return {
    ok: false,
    kind: "other",
    message: answer.fromServer ? answer.problem.detail : `L'annulation n'a pas abouti (erreur ${answer.status}). Réessayez dans un moment.`,
  };
}
