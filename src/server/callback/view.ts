import type { CallbackRequestView } from "../../domain/callback/contract.js";
import { closedDetail, type RequestDetails } from "../../domain/callback/lifecycle.js";
import { iso, type EventRow, type RequestRow } from "./store.js";

/** A request as its département's service reads it: the row, its opened details and its history (events of other requests are left out). */
export function requestView(row: RequestRow, details: RequestDetails, events: EventRow[]): CallbackRequestView {
  return {
    id: row.id,
    departement: row.departement,
    createdAt: iso(row.createdAt),
    status: row.status,
    name: details.name,
    phone: details.phone,
    moments: details.moments,
    commune: { code: details.commune, name: details.communeName },
    sharedResult: details.sharedResult,
    outcome: details.outcome,
    attempts: details.attempts,
    orientedTo: details.orientedTo,
    deleteBy: iso(row.deleteAt),
    history: events
      .filter((e) => e.requestId === row.id)
      .map((e) => ({ at: iso(e.at), actor: e.actor, action: e.action, detail: e.action === "closed" ? closedDetail(details) : null })),
  };
}
