/**
 * How long the server keeps a call-back request (what the consent text says). TODO(cbw): from the server.
 */
export const RETENTION = { afterClosedDays: 30, maxDays: 90 };
