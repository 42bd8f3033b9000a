/**
 * How long the server keeps a call-back request, as the consent text says it: the server's defaults
 * (CALLBACK_CLOSED_RETENTION_DAYS = 30 after closing, CALLBACK_MAX_RETENTION_DAYS = 90 after sending, src/server/config.ts).
 * Known limit: an operator who changes them makes this text wrong; the coverage answer
 * (`GET /api/v1/rappel/couverture`, src/domain/callback/contract.ts) should carry the configured values.
 */
export const RETENTION = { afterClosedDays: 30, maxDays: 90 };
