import { createHash, randomBytes } from "node:crypto";

/**
 * Bearer secrets handed to a client and kept by the server only as a hash: the back office's session tokens and a
 * call-back request's cancel token. 32 random bytes (256 bits) in base64url, 43 characters; the database keeps
 * their SHA-256 in hexadecimal, never the token.
 */

/** A new random token. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Whether a value has the shape of a token (anything else is refused before the database is asked). */
export function isSecretToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** SHA-256 of a value, in hexadecimal: what the database keeps of a token. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
