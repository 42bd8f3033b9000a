import type { RequestDetails } from "../../domain/callback/lifecycle.js";
import { open, seal, type Keyring } from "./crypto.js";

/**
 * Sealing of a request's details (src/domain/callback/lifecycle.ts) for `callback_request.payload`, with the id and
 * the département as associated data: a payload copied onto another row does not open. Always with the current key
 * (./crypto.ts), so a request is rewritten with it whenever it changes.
 */

const aad = (id: string, departement: string) => `callback_request:${id}:${departement}`;

export function sealDetails(keyring: Keyring, id: string, departement: string, details: RequestDetails): { keyId: string; sealed: string } {
  return seal(keyring, JSON.stringify(details), aad(id, departement));
}

/** Opens a row's details; throws when its key is gone or the payload does not belong to this row. */
export function openDetails(keyring: Keyring, row: { id: string; departement: string; keyId: string; payload: string }): RequestDetails {
  return JSON.parse(open(keyring, row.keyId, row.payload, aad(row.id, row.departement))) as RequestDetails;
}
