import { UnprocessableError, type FieldError, type LineError } from "../../domain/errors.js";
import { fileRefusal } from "../../domain/steering/grid-import.js";
import type { ServerConfig } from "../config.js";
import type { Database } from "../db/database.js";
import { DEFAULT_SCRYPT, type ScryptParams } from "./password.js";

/** Settings of the steering side; the server takes them from its configuration (src/server/config.ts). */
export interface SteeringOptions {
  /** The clock (tests move it forward). */
  now?: () => Date;
  scrypt?: ScryptParams;
  /** A session ends after this long without a request (default 120 min, STEERING_SESSION_IDLE_MINUTES). */
  sessionIdleMinutes?: number;
  /** …and in any case this long after login (default 12 h, STEERING_SESSION_MAX_HOURS). */
  sessionMaxHours?: number;
  /** Failed logins on one account before it is locked (default 5). */
  accountMaxFailures?: number;
  /** Failed logins from one address before it is locked (default 20). */
  ipMaxFailures?: number;
  /** Window in which failures are counted, and length of the lock (default 15 min, STEERING_LOCK_MINUTES). */
  lockMinutes?: number;
}

export interface SteeringContext {
  db: Database;
  now: () => Date;
  scrypt: ScryptParams;
  sessionIdleMs: number;
  sessionMaxMs: number;
  accountMaxFailures: number;
  ipMaxFailures: number;
  lockMs: number;
}

/** The steering settings from the server configuration (STEERING_* variables). */
export function steeringOptionsFromConfig(config: ServerConfig): SteeringOptions {
  return {
    sessionIdleMinutes: config.STEERING_SESSION_IDLE_MINUTES,
    sessionMaxHours: config.STEERING_SESSION_MAX_HOURS,
    accountMaxFailures: config.STEERING_LOCK_ACCOUNT_FAILURES,
    ipMaxFailures: config.STEERING_LOCK_IP_FAILURES,
    lockMinutes: config.STEERING_LOCK_MINUTES,
  };
}

export function makeContext(db: Database, options: SteeringOptions): SteeringContext {
  return {
    db,
    now: options.now ?? (() => new Date()),
    scrypt: options.scrypt ?? DEFAULT_SCRYPT,
    sessionIdleMs: (options.sessionIdleMinutes ?? 120) * 60_000,
    sessionMaxMs: (options.sessionMaxHours ?? 12) * 3_600_000,
    accountMaxFailures: options.accountMaxFailures ?? 5,
    ipMaxFailures: options.ipMaxFailures ?? 20,
    lockMs: (options.lockMinutes ?? 15) * 60_000,
  };
}

export { problemSchema } from "../problem.js";

/**
 * A refused file (422, « Fichier refusé »): the detail says it is not imported and how many errors it holds
 * (`refusal` names what was refused), with `ok: false` and the line-by-line errors.
 */
export function fileRefused(errors: readonly LineError[], refusal?: string): UnprocessableError {
  return new UnprocessableError(fileRefusal(errors.length, refusal), { title: "Fichier refusé", extensions: { ok: false }, errors });
}

/** Field errors (422): a project or a calculation that does not pass the model; the detail joins the messages. */
export function invalidFields(errors: readonly FieldError[], title = "Saisie invalide"): UnprocessableError {
  return new UnprocessableError(errors.map((e) => e.message).join(" "), { title, errors });
}
