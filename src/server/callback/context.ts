import type { Retention } from "../../domain/callback/contract.js";
import type { ServerConfig } from "../config.js";
import type { Keyring } from "./crypto.js";
import type { Notifier } from "./notify.js";

/** Settings of the call-back requests (CALLBACK_*, SMTP_*: src/server/config.ts); docs/rappel.md. */
export interface CallbackOptions {
  /** Encryption keys; without them call-backs are off (coverage says « not covered », a request gets 409, the inbox 503). */
  keyring: Keyring | null;
  /** A closed request is deleted this many days after closing (default 30). */
  closedRetentionDays?: number;
  /** Any request is deleted at the latest this many days after it was sent (default 90). */
  maxRetentionDays?: number;
  /** How often the retention job runs (default 10 min). */
  purgeIntervalMinutes?: number;
  /** Requests accepted per client address per window (default 5 per 60 min). */
  ipMax?: number;
  ipWindowMinutes?: number;
  /** Requests accepted per phone number per window (default 2 per 24 h). */
  phoneMax?: number;
  phoneWindowHours?: number;
  /** Sends « une nouvelle demande vous attend » to a service's address; none: the inbox alone. */
  notifier?: Notifier | null;
}

export interface CallbackContext {
  keyring: Keyring | null;
  /** The two delays in days, as the coverage answer tells the parent (applied by src/domain/callback/lifecycle.ts). */
  retention: Retention;
  purgeIntervalMs: number;
  ipMax: number;
  ipWindowMs: number;
  phoneMax: number;
  phoneWindowMs: number;
  notifier: Notifier | null;
}

export function makeCallbackContext(options: CallbackOptions): CallbackContext {
  const retention = { afterClosedDays: options.closedRetentionDays ?? 30, maxDays: options.maxRetentionDays ?? 90 };
  return {
    keyring: options.keyring,
    retention,
    purgeIntervalMs: (options.purgeIntervalMinutes ?? 10) * 60_000,
    ipMax: options.ipMax ?? 5,
    ipWindowMs: (options.ipWindowMinutes ?? 60) * 60_000,
    phoneMax: options.phoneMax ?? 2,
    phoneWindowMs: (options.phoneWindowHours ?? 24) * 3_600_000,
    notifier: options.notifier ?? null,
  };
}

/** The call-back settings from the server configuration (the notifier is made by the caller from SMTP_URL). */
export function callbackOptionsFromConfig(config: ServerConfig, notifier: Notifier | null): CallbackOptions {
  return {
    keyring: config.CALLBACK_KEYS,
    closedRetentionDays: config.CALLBACK_CLOSED_RETENTION_DAYS,
    maxRetentionDays: config.CALLBACK_MAX_RETENTION_DAYS,
    purgeIntervalMinutes: config.CALLBACK_PURGE_INTERVAL_MINUTES,
    ipMax: config.CALLBACK_RATE_IP_MAX,
    ipWindowMinutes: config.CALLBACK_RATE_IP_WINDOW_MINUTES,
    phoneMax: config.CALLBACK_RATE_PHONE_MAX,
    phoneWindowHours: config.CALLBACK_RATE_PHONE_WINDOW_HOURS,
    notifier,
  };
}
