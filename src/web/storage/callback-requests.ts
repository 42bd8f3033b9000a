import type { PublicService } from "../../domain/callback/contract.js";

/**
 * The call-back requests this device sent, kept in localStorage so that the parent can see and cancel them
 * from the same device. Only what the cancellation and the reminder need: the request's id, its cancel token
 * (the one secret that lets this device withdraw it), the service that will call and by when. Never the first
 * name, the phone number or the EPDS result: those went to the service and are not kept here.
 */
export interface SentCallbackRequest {
  id: string;
  cancelToken: string;
  /** The service that will call back: its name, opening hours and stated delay, as the server said. */
  service: PublicService;
  /** ISO instant by which the service said it would call. */
  expectedBy: string;
  /** ISO instant the request was sent. */
  sentAt: string;
  departement: string;
}

const KEY = "mille-jours:demandes-de-rappel";

function isSent(value: unknown): value is SentCallbackRequest {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  const service = v.service as Record<string, unknown> | null | undefined;
  return (
    ["id", "cancelToken", "expectedBy", "sentAt", "departement"].every((k) => typeof v[k] === "string") &&
    typeof service === "object" &&
    service !== null &&
    typeof service.name === "string" &&
    typeof service.openingHours === "string" &&
    typeof service.responseDelayHours === "number"
  );
}

/** The requests kept on this device, newest first (an unreadable or foreign value reads as none). */
export function loadSentCallbacks(): SentCallbackRequest[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isSent).sort((a, b) => b.sentAt.localeCompare(a.sentAt)) : [];
  } catch {
    return [];
  }
}

function write(list: SentCallbackRequest[]): void {
  if (list.length === 0) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(list));
}

/** Keeps a request just sent. Throws when the storage refuses (private browsing): the caller says so. */
export function keepSentCallback(request: SentCallbackRequest): void {
  write([request, ...loadSentCallbacks().filter((r) => r.id !== request.id)]);
}

/** Forgets a request (cancelled, or gone on the server's side). */
export function forgetSentCallback(id: string): void {
  try {
    write(loadSentCallbacks().filter((r) => r.id !== id));
  } catch {
    /* storage unreadable: nothing was kept */
  }
}

/** Forgets every request (the parent erases the data of this device). */
export function forgetAllSentCallbacks(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* nothing kept */
  }
}
