import { TooManyRequestsError } from "../../../domain/errors.js";
import { emailKey } from "../../../domain/steering/accounts.js";
import type { Queryable } from "../../db/database.js";
import { sha256Hex } from "../../secret-token.js";
import type { SteeringContext } from "../context.js";
import { countAttempt, deleteAttempts, uncountAttempt } from "./store.js";

/**
 * Login throttling: per account and per client address, in the database (shared by all server copies). The
 * counting itself is one atomic statement (./store.ts, `countAttempt`).
 */

/** The throttle key of an account (by its e-mail). */
export const accountKey = (email: string) => `compte:${emailKey(email)}`;
/** The throttle key of a client address. The address is not stored: only a hash, enough to count failures. */
export const ipKey = (ip: string) => `ip:${sha256Hex(`mille-jours:${ip}`).slice(0, 32)}`;

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt on a key BEFORE the password is checked: of N simultaneous attempts on a key that has `max - k`
 * left, exactly `max - k` go on to the (slow) password hash, the others are refused at once, with the time left on
 * the lock (whole minutes, at least one). The `max`-th attempt locks the key for the lock length (a success then
 * clears or refunds it, see below).
 */
export async function reserveAttempt(ctx: SteeringContext, key: string, max: number): Promise<Reservation> {
  const now = ctx.now();
  const row = await countAttempt(ctx.db, key, max, now, ctx.lockMs);
  if (row.failures <= max) return { allowed: true };
  const end = row.lockedUntil ? new Date(row.lockedUntil).getTime() : now.getTime() + ctx.lockMs;
  return { allowed: false, retryAfterSeconds: Math.max(60, Math.ceil((end - now.getTime()) / 60_000) * 60) };
}

/** After a right password: the attempt reserved on this key is given back (a success is not a failure). */
export async function refundAttempt(ctx: SteeringContext, key: string, max: number): Promise<void> {
  await uncountAttempt(ctx.db, key, max);
}

/** Forgets the failures on a key (a right password, a new password). */
export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await deleteAttempts(db, key);
}

/** 429 with Retry-After, in whole minutes. */
export function tooManyAttempts(retryAfterSeconds: number, what: string): TooManyRequestsError {
  const minutes = Math.max(1, Math.round(retryAfterSeconds / 60));
  return new TooManyRequestsError(`${what} : réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`, minutes * 60, { title: "Trop de tentatives" });
}
