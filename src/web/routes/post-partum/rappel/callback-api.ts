import {
  CANCEL_TOKEN_HEADER,
  coverageSchema,
  createdCallbackSchema,
  type Coverage,
  type CreatedCallback,
  type NewCallbackRequest,
} from "../../../../domain/callback/contract.js";
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

interface ProblemBody {
  detail?: string;
  errors?: { field?: string; message: string }[];
}

async function call(path: string, init: RequestInit): Promise<{ ok: true; response: Response } | ({ ok: false } & Refusal)> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { ...init, credentials: "omit", cache: "no-store" });
  } catch {
    return { ok: false, kind: "offline", message: OFFLINE_NOT_SENT };
  }
  if (response.ok) return { ok: true, response };
  const problem = (await response.json().catch(() => null)) as ProblemBody | null;
  const detail = problem?.detail;
  switch (response.status) {
    case 409:
      return {
        ok: false,
        kind: "no-service",
        message: detail ?? "Aucun service ne rappelle les parents dans ce département pour le moment : votre demande n'a pas été envoyée.",
      };
    case 429: {
      const seconds = Number(response.headers.get("retry-after"));
      const wait = Number.isFinite(seconds) && seconds > 0 ? ` Réessayez dans ${waitInWords(seconds)}.` : " Réessayez plus tard.";
      return {
        ok: false,
        kind: "rate-limited",
        message: `Trop de demandes ont été envoyées depuis cette connexion ou pour ce numéro : celle-ci n'a pas été envoyée.${wait} Si vous avez besoin de parler à quelqu'un maintenant, les lignes ci-dessous répondent.`,
      };
    }
    case 400:
      return {
        ok: false,
        kind: "invalid",
        message: detail ?? "Certaines informations sont à corriger.",
        errors: (problem?.errors ?? []).map((e) => ({ field: e.field ?? "", message: e.message })),
      };
    default:
      return { ok: false, kind: "other", message: detail ?? `Le service n'a pas pu recevoir votre demande (erreur ${response.status}). Réessayez dans un moment.` };
  }
}

/** Whether a service calls back in this département (asked only once the parent chose to ask for a call-back). */
export async function fetchCoverage(departement: string): Promise<Answer<Coverage>> {
  const answer = await call(`/rappel/couverture?${new URLSearchParams({ departement })}`, { headers: { accept: "application/json" } });
  if (!answer.ok) return answer;
  const parsed = coverageSchema.safeParse(await answer.response.json().catch(() => null));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, kind: "other", message: "La réponse du serveur n'a pas pu être lue. Réessayez dans un moment." };
}

/** Sends the request the parent confirmed. */
export async function sendCallbackRequest(request: NewCallbackRequest): Promise<Answer<CreatedCallback>> {
  const answer = await call("/rappel/demandes", {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  if (!answer.ok) return answer;
  const parsed = createdCallbackSchema.safeParse(await answer.response.json().catch(() => null));
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, kind: "other", message: "Votre demande est peut-être partie, mais la réponse du serveur n'a pas pu être lue : appelez une ligne d'écoute si vous n'êtes pas rappelé(e)." };
}

/**
 * Withdraws a request with the token kept on this device. `gone` when the server no longer has it (already
 * handled and deleted, or cancelled): the server answers the same 404 for a wrong token, by design.
 */
export async function cancelCallbackRequest(id: string, cancelToken: string): Promise<{ ok: true; gone: boolean } | ({ ok: false } & Refusal)> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/rappel/demandes/${encodeURIComponent(id)}`, { method: "DELETE", headers: { [CANCEL_TOKEN_HEADER]: cancelToken }, credentials: "omit" });
  } catch {
    return { ok: false, kind: "offline", message: "Vous êtes hors ligne : l'annulation n'a pas pu être envoyée. Réessayez quand vous aurez du réseau." };
  }
  if (response.status === 204 || response.ok) return { ok: true, gone: false };
  if (response.status === 404) return { ok: true, gone: true };
  const problem = (await response.json().catch(() => null)) as ProblemBody | null;
  if (response.status === 429) return { ok: false, kind: "rate-limited", message: problem?.detail ?? "Trop d'essais : réessayez dans quelques minutes." };
  return { ok: false, kind: "other", message: problem?.detail ?? `L'annulation n'a pas abouti (erreur ${response.status}). Réessayez dans un moment.` };
}
