import type { z } from "zod";
import { ConflictError } from "../errors.js";
import {
  OUTCOME_LABELS,
  type CallbackStatus,
  type Moment,
  type newCallbackRequestSchema,
  type Outcome,
  type Retention,
  type SHARED_BANDS,
  type StatusChange,
} from "./contract.js";

/**
 * The life of a call-back request (docs/rappel.md): what it holds of the person and of the service's follow-up, how
 * a status change records the outcome (a closed request is final), and when it is deleted. Pure; the server seals
 * the details (src/server/callback/sealing.ts) and stores them (src/server/callback/store.ts).
 */

/** A parent's request as the contract checked it. */
export type NewRequest = z.output<typeof newCallbackRequestSchema>;

/** What a request holds of the person and of the follow-up: sealed at rest, never in clear in the database. */
export interface RequestDetails {
  name: string;
  phone: string;
  moments: Moment[];
  commune: string;
  communeName: string | null;
  sharedResult: { band: (typeof SHARED_BANDS)[number]; date: string } | null;
  outcome: Outcome | null;
  attempts: number | null;
  orientedTo: string | null;
}

/** The details of a new request: what the parent gave, the commune's name, no follow-up yet. */
export function newRequestDetails(request: NewRequest, communeName: string | null): RequestDetails {
  return {
    name: request.name,
    phone: request.phone,
    moments: request.moments,
    commune: request.commune,
    communeName,
    sharedResult: request.sharedResult ?? null,
    outcome: null,
    attempts: null,
    orientedTo: null,
  };
}

/** A closed request is final: its status no longer changes (409 « Demande clôturée »). */
export class AlreadyClosedError extends ConflictError {
  constructor() {
    super("Cette demande est déjà clôturée.", { title: "Demande clôturée" });
  }
}

/** Refuses to change a closed request ({@link AlreadyClosedError}). */
export function ensureNotClosed(status: CallbackStatus): void {
  if (status === "closed") throw new AlreadyClosedError();
}

/**
 * The details after a status change (of a request not closed, see {@link ensureNotClosed}): contacted keeps the
 * number of attempts given (or the previous one); closed also records the outcome and where the person was oriented.
 */
export function changedDetails(details: RequestDetails, change: StatusChange): RequestDetails {
  return change.status === "closed"
    ? { ...details, outcome: change.outcome!, attempts: change.attempts ?? details.attempts, orientedTo: change.orientedTo ?? null }
    : { ...details, attempts: change.attempts ?? details.attempts };
}

const DAY = 86_400_000;

/** When a new request is deleted at the latest: `maxDays` after it was sent. */
export function deleteByWhenSent(sentAt: Date, retention: Retention): Date {
  return new Date(sentAt.getTime() + retention.maxDays * DAY);
}

/** When a closed request is deleted: `afterClosedDays` after closing, and never later than `maxDays` after it was sent. */
export function deleteByWhenClosed(sentAt: Date, closedAt: Date, retention: Retention): Date {
  return new Date(Math.min(closedAt.getTime() + retention.afterClosedDays * DAY, sentAt.getTime() + retention.maxDays * DAY));
}

/** The line of the request's history that says how it was closed (« Injoignable après 3 tentatives »…). */
export function closedDetail(details: RequestDetails): string | null {
  if (!details.outcome) return null;
  if (details.outcome === "unreachable")
    return `${OUTCOME_LABELS.unreachable} après ${details.attempts ?? "?"} tentative${(details.attempts ?? 0) > 1 ? "s" : ""}`;
  if (details.outcome === "oriented") return `${OUTCOME_LABELS.oriented} : ${details.orientedTo ?? ""}`;
  return OUTCOME_LABELS[details.outcome];
}
